/**
 * The pages' forms: the ids of their inputs, the API field each input feeds when it is named
 * otherwise, their order on the page. A template asks `it.formView('<form>', values, problems)`
 * for what to show of a form's problems (see form-problems.ts).
 */
import { URGENCY_LEVELS } from '../common/domain';
import {
  ArticleForm,
  DraftForm,
  InterventionForm,
  PaymentForm,
  PeriodQuery,
  SendPeriodForm,
  RequestFileForm,
  TimerStartForm,
} from './console-forms';
import { ActivityForm, InvitationForm } from './console-first-steps-forms';
import { CREDIT_LINES, CreditNoteForm, DraftLineForm } from './console-corrections-forms';
import { ImportPageForm } from './console-import-forms';
import { WeekDeleteForm, WeekMoveForm } from './console-week-forms';
import { CommentForm, DeskTimerForm, ReclassifyForm } from './request-desk-forms';
import { SETTINGS_FORMS } from './console-settings-forms';
import { ACCOUNT_MAIL_FORMS } from './account-mail-forms';
import { COACHING_FORMS } from './console-coaching-forms';
import { ClientForm, ContractForm, LEVEL_FIELDS } from './console-setup-forms';
import type { FormSpec } from './form-problems';
import { SETUP_PATHS, SetupForm } from './web-setup-form';

/** A form of buttons only (issue, rebuild, delete): its refusals concern the whole document. */
class Buttons {}

const WORK = ['requestId', 'contractId', 'activityId', 'urgency', 'location', 'description'];

/** The API field of a level's input where it is named otherwise. */
const LEVEL_PATHS: Partial<Record<(typeof LEVEL_FIELDS)[number], string>> = {
  response: 'responseMinutes',
  responseUnit: 'responseMinutes',
  overageFee: 'overageFeeCents',
};

/** `critical.overageFee` → `urgencyPolicy.levels.critical.overageFeeCents`. */
const levelPaths = Object.fromEntries(
  URGENCY_LEVELS.flatMap((level) =>
    LEVEL_FIELDS.map((field) => [
      `${level}.${field}`,
      `urgencyPolicy.levels.${level}.${LEVEL_PATHS[field] ?? field}`,
    ]),
  ),
);

/** The level inputs' labels: the level, then the column ("Critique — Quota mensuel"). */
const LEVEL_COLUMNS: Record<(typeof LEVEL_FIELDS)[number], string> = {
  response: 'responseMinutes',
  responseUnit: 'responseUnit',
  clock: 'clock',
  monthlyQuota: 'monthlyQuota',
  surchargePercent: 'surchargePercent',
  overQuota: 'overQuota',
  overageFee: 'overageFeeCents',
};

const CLIENT_FORM = {
  id: 'nc',
  form: ClientForm,
  paths: {
    line1: 'address.line1',
    postalCode: 'address.postalCode',
    city: 'address.city',
    country: 'address.country',
  },
} satisfies FormSpec;

const CONTRACT_FORM = {
  id: 'nk',
  form: ContractForm,
  order: [
    'clientId',
    'reference',
    'title',
    'startDate',
    'endDate',
    'paymentTermsDays',
    'mode',
    'feeTiming',
    'monthlyFee',
    'includedHours',
    'prepaidHours',
    'hourlyRate',
    'overageRate',
    'roundingMinutes',
    'minimumMinutes',
    'rolloverMonths',
    ...URGENCY_LEVELS.flatMap((level) => LEVEL_FIELDS.map((field) => `${level}.${field}`)),
    'afterHoursAllowed',
    'afterHoursSurchargePercent',
  ],
  paths: {
    mode: 'billing.mode',
    feeTiming: 'billing.feeTiming',
    monthlyFee: 'billing.monthlyFeeCents',
    includedHours: 'billing.includedMinutesPerMonth',
    prepaidHours: 'billing.prepaidMinutes',
    hourlyRate: 'billing.hourlyRateCents',
    overageRate: 'billing.overageRateCents',
    roundingMinutes: 'billing.roundingMinutes',
    minimumMinutes: 'billing.minimumBillableMinutes',
    rolloverMonths: 'billing.rolloverMonths',
    afterHoursAllowed: 'urgencyPolicy.afterHoursAllowed',
    afterHoursSurchargePercent: 'urgencyPolicy.afterHoursSurchargePercent',
    ...levelPaths,
  },
  units: {
    paymentTermsDays: 'days',
    monthlyFee: 'euros',
    includedHours: 'hours',
    prepaidHours: 'hours',
    hourlyRate: 'euros',
    overageRate: 'euros',
    roundingMinutes: 'minutes',
    minimumMinutes: 'minutes',
    rolloverMonths: 'months',
    afterHoursSurchargePercent: 'percent',
  },
  label: (input, t) => {
    const [level, field] = input.split('.') as [string, keyof typeof LEVEL_COLUMNS | undefined];
    if (!field || !LEVEL_COLUMNS[field]) return undefined;
    return `${t(`urgency.${level}`)} — ${t(`console.contracts.level.${LEVEL_COLUMNS[field]}`)}`;
  },
} satisfies FormSpec;

export const PAGE_FORMS = {
  client: CLIENT_FORM,
  clientEdit: { ...CLIENT_FORM, id: 'ec' },
  contract: CONTRACT_FORM,
  contractEdit: { ...CONTRACT_FORM, id: 'ek' },
  timer: { id: 'timer', form: TimerStartForm, order: [...WORK, 'billable'] },
  log: {
    id: 'log',
    form: InterventionForm,
    order: ['startedAt', 'endedAt', ...WORK, 'billable'],
  },
  /** An entry of the week changed, moved (a new start) or deleted. */
  weekEdit: {
    id: 'we',
    form: InterventionForm,
    order: ['startedAt', 'endedAt', ...WORK, 'billable'],
  },
  weekMove: {
    id: 'wm',
    form: WeekMoveForm,
    label: (input, t) => (input === 'startedAt' ? t('week.move.start') : undefined),
  },
  weekDelete: { id: 'wd', form: WeekDeleteForm },
  draft: { id: 'draft', form: DraftForm },
  payment: {
    id: 'pay',
    form: PaymentForm,
    paths: { amount: 'amountCents' },
    units: { amount: 'euros' },
  },
  credit: {
    id: 'credit',
    form: CreditNoteForm,
    order: [
      'scope',
      ...Array.from({ length: CREDIT_LINES }, (_, k) => `amount.${k}`),
      'reason',
      'releaseInterventions',
    ],
    label: (input, t) => {
      if (input === 'scope') return t('corrections.credit.scope');
      const line = /^amount\.(\d+)$/.exec(input)?.[1];
      return line === undefined
        ? undefined
        : t('corrections.credit.amountOf', { line: Number(line) + 1 });
    },
  },
  /** The accounting page's period (a GET form). */
  period: { id: 'period', form: PeriodQuery },
  draftLine: {
    id: 'dl',
    form: DraftLineForm,
    order: ['description', 'quantity', 'unit', 'unitPrice', 'vatRate'],
    paths: { unitPrice: 'unitPriceCents', vatRate: 'vatRateBp' },
    units: { unitPrice: 'euros', vatRate: 'percent' },
    label: (input, t) => (input === 'line' ? t('corrections.line.which') : undefined),
  },
  document: { id: 'document', form: Buttons },
  sendPeriod: { id: 'sp', form: SendPeriodForm },
  import: {
    id: 'im',
    form: ImportPageForm,
    order: ['file', 'source', 'dateFormat', 'activityId', 'urgency', 'skipInvalid'],
    label: (input, t) => (input === 'csv' ? t('field.file') : undefined),
  },
  article: {
    id: 'kb',
    form: ArticleForm,
    order: ['title', 'bodyMarkdown', 'tags', 'clientIds', 'published'],
  },
  request: { id: 'rq', form: RequestFileForm },
  reply: {
    id: 'reply',
    form: CommentForm,
    label: (input, t) => (input === 'body' ? t('desk.reply.label') : undefined),
  },
  comment: {
    id: 'cm',
    form: CommentForm,
    label: (input, t) => (input === 'body' ? t('desk.portal.comment.label') : undefined),
  },
  reclassify: { id: 'rc', form: ReclassifyForm },
  deskTimer: { id: 'dt', form: DeskTimerForm },
  setup: {
    id: 'su',
    form: SetupForm,
    paths: SETUP_PATHS,
    label: (input, t) => t(`setup.field.${input}`),
  },
  activity: {
    id: 'na',
    form: ActivityForm,
    paths: { rate: 'defaultRateCents' },
    units: { rate: 'euros' },
  },
  invitation: {
    id: 'ns',
    form: InvitationForm,
    paths: { who: 'clientId' },
    label: (input, t) => (input === 'who' ? t('setup.staff.access') : undefined),
  },
  ...SETTINGS_FORMS,
  ...ACCOUNT_MAIL_FORMS,
  ...COACHING_FORMS,
} satisfies Record<string, FormSpec>;

export type PageFormName = keyof typeof PAGE_FORMS;
