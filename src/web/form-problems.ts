/**
 * A page form's problems, shown where people look for them: each beside its input, one message an
 * input, in the page's language, the input marked `aria-invalid` and described by its message;
 * and a summary above the form linking to each input. A problem names the API field it was found
 * on (`billing.monthlyFeeCents`); the form's spec maps it back to the input that feeds it
 * (`monthlyFee`), whose id is the form's prefix and the input's name (`nk-monthlyFee`).
 */
import { getMetadataStorage } from 'class-validator';
import { DomainError, ERROR_KINDS, type ErrorKind } from '../common/domain-error';
import { errorText, fieldLabel, problemText } from '../common/error-text';
import { statusOfKind } from '../common/error.filter';
import { catalogue, type Locale, type Translate } from '../i18n';

/**
 * A problem as a form gets it: a field's (from validation or a rule: its code and figures, and
 * `errorCode`, the code of the refusal it came with), or the whole form's (field `''`: a refusal
 * naming no field, with the error's code and details).
 */
export type FormProblem = {
  field: string;
  code?: string;
  message: string;
  [figure: string]: unknown;
};

/** A page form: the ids of its inputs, which API field each feeds, how each is labelled. */
export interface FormSpec {
  /** Prefix of the inputs' ids: input `siren` of `nc` is `nc-siren` (dots become dashes). */
  id: string;
  /** The form as posted: its inputs are the class's fields. */
  form: abstract new () => object;
  /** The inputs top to bottom, as the page shows them (the others follow, in the class's order). */
  order?: readonly string[];
  /** The API field an input feeds, when not named as the input: `monthlyFee` → `billing.monthlyFeeCents`. */
  paths?: Readonly<Record<string, string>>;
  /** What an input is typed in, when the page's unit is not obvious: its label says it. */
  units?: Readonly<Record<string, InputUnit>>;
  /** A label of the page's own for an input (a row of a table, say); else its field's. */
  label?: (input: string, t: Translate) => string | undefined;
}

export type InputUnit = 'euros' | 'hours' | 'minutes' | 'percent' | 'days' | 'months';

/** One input's problem as shown: beside the input (`id`), and in the summary (`href`, `line`). */
export interface ShownProblem {
  input: string | null;
  /** The message's element id, which the input's aria-describedby names. */
  id: string;
  /** The input's anchor (`#nk-monthlyFee`), null for a problem of the whole form. */
  href: string | null;
  label: string;
  text: string;
  /** "Label : message", as the summary lists it. */
  line: string;
}

/** The inputs of a form class: its validated fields, in the order they were declared. */
export function inputsOf(form: abstract new () => object): string[] {
  const fields = getMetadataStorage()
    .getTargetValidationMetadatas(form as new () => object, '', true, false)
    .map((m) => m.propertyName);
  return [...new Set(fields)];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const kindOf = (code: string | undefined): ErrorKind | undefined => {
  const kind = code?.slice(0, code.indexOf('.'));
  return (ERROR_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ErrorKind) : undefined;
};

/** What a form shows of its problems, in one language. Built once a page, read by its template. */
export class FormView {
  readonly inputs: string[];
  /** Every problem, one an input, in the form's order; those of the whole form last. */
  readonly problems: ShownProblem[];
  private readonly byInput = new Map<string, ShownProblem>();
  private readonly t: Translate;

  constructor(
    private readonly spec: FormSpec,
    private readonly locale: Locale,
    private readonly values: Readonly<Record<string, unknown>>,
    problems: readonly FormProblem[],
    private readonly texts: Readonly<Record<string, string>> = {},
  ) {
    this.t = catalogue().translator(locale);
    const declared = inputsOf(spec.form);
    this.inputs = [...new Set([...(spec.order ?? []), ...declared])].filter((i) =>
      declared.includes(i),
    );
    const whole: ShownProblem[] = [];
    for (const problem of problems) {
      const input = this.inputOf(problem.field);
      if (input === null) whole.push(this.shown(null, problem, whole.length));
      else if (!this.byInput.has(input)) this.byInput.set(input, this.shown(input, problem, 0));
    }
    this.problems = [
      ...this.inputs.flatMap((i) => this.byInput.get(i) ?? []),
      // Two refusals of the whole form in the same words say it once.
      ...whole.filter((p, i) => whole.findIndex((q) => q.line === p.line) === i),
    ];
  }

  /** The summary's id, for a page to focus it. */
  get summaryId(): string {
    return `${this.spec.id}-problems`;
  }

  /** The input's element id. */
  id(input: string): string {
    return `${this.spec.id}-${input.replace(/\./g, '-')}`;
  }

  /** The input's label: the page's own, else its field's (`field.<name>`), with its unit. */
  label(input: string): string {
    const own = this.spec.label?.(input, this.t);
    if (own) return own;
    const label = this.fieldLabel(this.pathOf(input));
    const unit = this.spec.units?.[input];
    return unit ? this.t('web.form.labelWithUnit', { label, unit }) : label;
  }

  /** The value as typed (or as first offered), else the fallback. */
  value(input: string, fallback = ''): string {
    const value = this.values[input];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
  }

  problem(input: string): ShownProblem | undefined {
    return this.byInput.get(input);
  }

  /** The ids describing the input: its problem's message first, then its help, if any. */
  describedBy(input: string, help?: string): string {
    return [this.problem(input)?.id, help].filter(Boolean).join(' ');
  }

  /** ` aria-invalid="true" aria-describedby="…"` for an input with a problem (and its help). */
  attrs(input: string, help?: string): string {
    const described = this.describedBy(input, help);
    return (
      (this.problem(input) ? ' aria-invalid="true"' : '') +
      (described ? ` aria-describedby="${escapeHtml(described)}"` : '')
    );
  }

  private pathOf(input: string): string {
    return this.spec.paths?.[input] ?? input;
  }

  /** The input fed by the API field `path`, or by its nearest parent (`tags.0` → `tags`). */
  private inputOf(path: string): string | null {
    if (!path) return null;
    for (let at = path; at; at = at.replace(/(\.[^.]*|\[\d+\])$/, '')) {
      const input = this.inputs.find((i) => this.pathOf(i) === at);
      if (input) return input;
      if (!/[.[]/.test(at)) break;
    }
    return null;
  }

  private shown(input: string | null, problem: FormProblem, index: number): ShownProblem {
    const label = input ? this.label(input) : problem.field ? this.fieldLabel(problem.field) : '';
    const text =
      (input && this.texts[input]) ||
      (problem.field ? this.fieldText(problem) : this.wholeText(problem));
    return {
      input,
      id: input ? `${this.id(input)}-problem` : `${this.summaryId}-${index}`,
      href: input ? `#${this.id(input)}` : null,
      label,
      text,
      line: label ? this.t('web.form.problemLine', { label, message: text }) : text,
    };
  }

  /** The field's label for people (`field.<name>`), else its name. */
  private fieldLabel(path: string): string {
    return fieldLabel(this.locale, path);
  }

  /**
   * A field's problem in the page's words; a problem with no words in the catalogue is said in
   * general ones rather than in the developer's English.
   */
  private fieldText(problem: FormProblem): string {
    if (problem.code && catalogue().has(`problem.${problem.code}`)) {
      return problemText(this.locale, { ...problem });
    }
    const error = typeof problem.errorCode === 'string' ? problem.errorCode : undefined;
    if (error && catalogue().has(`error.${error}`)) {
      const { details } = errorText(this.locale, error, problem.message, [problem]);
      return (details as FormProblem[])[0].message;
    }
    return this.t('web.form.invalid');
  }

  /** A refusal of the whole form: its error's words, else those of its kind of refusal. */
  private wholeText(problem: FormProblem): string {
    const code = problem.code;
    if (code && catalogue().has(`error.${code}`)) {
      return errorText(this.locale, code, problem.message, problem.details).message;
    }
    const kind = kindOf(code);
    return this.t(`error.${kind ? statusOfKind(kind) : 400}`);
  }
}

/**
 * The problems of a form, and how they are shown, in the page's language. `texts`: the page's
 * own words for an input's problem, when it says more than the catalogue's (by input).
 */
export function formView(
  spec: FormSpec,
  locale: Locale,
  values: Readonly<Record<string, unknown>> | undefined,
  problems: readonly FormProblem[] | undefined,
  texts?: Readonly<Record<string, string>>,
): FormView {
  return new FormView(spec, locale, values ?? {}, problems ?? [], texts);
}

/** A form that failed: the status to answer and the problems to show with it. */
export interface FormFailure {
  status: number;
  problems: FormProblem[];
}

/**
 * A refusal from a service, shown on the form that caused it: the problems of the fields it
 * names (with their codes and figures, and the error's code for those that have none of their
 * own), else one of the whole form with the error's code and details. Anything else is not the
 * user's doing: rethrown.
 */
export function formFailure(error: unknown): FormFailure {
  if (!(error instanceof DomainError) || error.kind === 'unauthenticated') throw error;
  const details = Array.isArray(error.details) ? error.details : [];
  const named = details.filter((d) => typeof d.field === 'string' && d.field !== '');
  return {
    status: statusOfKind(error.kind),
    problems: named.length
      ? named.map((d) => ({ ...d, field: d.field as string, errorCode: error.code }))
      : [{ field: '', code: error.code, message: error.message, details: error.details }],
  };
}

/**
 * Runs a form's action: its outcome with 200 (or 400 when the form's own checks found
 * problems), or the service's refusal as problems to show beside the form.
 */
export async function attempt<T extends { problems: readonly FormProblem[] }>(
  action: () => Promise<T>,
): Promise<(T & { status: number }) | FormFailure> {
  try {
    const outcome = await action();
    return { ...outcome, status: outcome.problems.length ? 400 : 200 };
  } catch (error) {
    return formFailure(error);
  }
}
