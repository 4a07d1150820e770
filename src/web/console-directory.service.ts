import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ActivitiesService } from '../activities/activities.service';
import { ClientsService } from '../clients/clients.service';
import { ContractsService, type ContractView } from '../contracts/contracts.service';
import { UsageService, type ContractUsage } from '../usage/usage.service';
import { localDate } from '../calendar';
import { Clock } from '../common/clock';
import { CreateClientDto, UpdateClientDto } from '../clients/dto/client.dto';
import { CreateContractDto, UpdateContractDto } from '../contracts/dto/contract.dto';
import { PracticeService } from '../practice/practice.service';
import { checkDto } from './console-forms';
import type { FormOutcome } from './console-pages';
import type { WebLocale } from './i18n';
import {
  clientPlain,
  contractFormDefaults,
  contractFormValues,
  contractPlain,
  contractUnreadable,
  type ClientForm,
  type ContractForm,
} from './console-setup-forms';
import { attempt, type FormProblem } from './form-problems';
import { AutonomyPanel } from './autonomy-panel';

const ALL = { limit: 500, offset: 0 };

/** A contract's allowance this month: what the usage bar is measured against (null: none). */
export function allowanceMinutes(contract: ContractView, usage: ContractUsage): number | null {
  if (contract.billing.mode === 'prepaid') {
    return usage.usedMinutes + (usage.prepaidRemainingMinutes ?? 0);
  }
  if (contract.billing.mode === 'retainer') return usage.includedMinutes + usage.rolloverMinutes;
  return null;
}

/** The console's clients and contracts, each contract with its usage of the month. */
@Injectable()
export class ConsoleDirectory {
  constructor(
    private readonly clients: ClientsService,
    private readonly contracts: ContractsService,
    private readonly usage: UsageService,
    private readonly activities: ActivitiesService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
    private readonly autonomy: AutonomyPanel,
  ) {}

  /** A new client, checked as the API checks it; the problems to show when refused. */
  async createClient(form: ClientForm): Promise<{ problems: FormProblem[] }> {
    const checked = await checkDto(CreateClientDto, clientPlain(form));
    if (!checked.value) return checked;
    await this.clients.create(checked.value);
    return { problems: [] };
  }

  /** A new contract from the form; the service's coherence rules refuse with named fields. */
  async createContract(
    form: ContractForm,
  ): Promise<{ problems: FormProblem[]; contract?: ContractView }> {
    const plain = contractPlain(form);
    const checked = await checkDto(CreateContractDto, plain, contractUnreadable(form));
    if (!checked.value) return checked;
    return { problems: [], contract: await this.contracts.create(checked.value) };
  }

  /** The new-contract form as first shown, starting today in the practice's zone. */
  async contractDefaults(): Promise<Record<string, string | undefined>> {
    const { timezone } = await this.practice.get();
    return contractFormDefaults(localDate(this.clock.now(), timezone));
  }

  /** The clients page, with the new-client form as typed and its problems. */
  async clientsPage(
    user: AuthUser,
    q: string | undefined,
    form: ClientForm | Record<string, never> = {},
    problems: FormProblem[] = [],
  ) {
    return { ...(await this.clientList(user, q)), form, problems };
  }

  /** Creates the client from the form, or shows the clients page again with the problems. */
  async submitClient(user: AuthUser, form: ClientForm): Promise<FormOutcome> {
    const failed = await attempt(() => this.createClient(form));
    if (failed.problems.length === 0) return { redirect: '/console/clients' };
    const page = await this.clientsPage(user, undefined, form, failed.problems);
    return { page, status: failed.status };
  }

  /** The contracts page, with the new-contract form as first shown. */
  async contractsPage(user: AuthUser, clientId: string | undefined) {
    const [list, defaults] = await Promise.all([
      this.contractList(user, clientId),
      this.contractDefaults(),
    ]);
    return { ...list, form: { ...defaults, clientId }, problems: [] };
  }

  /** Creates the contract from the form, or shows the contracts page again with the problems. */
  async submitContract(user: AuthUser, form: ContractForm): Promise<FormOutcome> {
    const outcome = await attempt(() => this.createContract(form));
    if ('contract' in outcome && outcome.contract) {
      return { redirect: `/console/contracts/${outcome.contract.id}` };
    }
    const list = await this.contractList(user, undefined);
    return { page: { ...list, form, problems: outcome.problems }, status: outcome.status };
  }

  async clientList(user: AuthUser, q: string | undefined) {
    const [clients, contracts] = await Promise.all([
      this.clients.list(user, { ...ALL, q }),
      this.contracts.list(user, { ...ALL, active: true }),
    ]);
    const active = new Map<string, number>();
    for (const c of contracts.items) active.set(c.clientId, (active.get(c.clientId) ?? 0) + 1);
    return {
      q: q ?? '',
      clients: clients.items.map((c) => ({ ...c, activeContracts: active.get(c.id) ?? 0 })),
    };
  }

  async contractList(user: AuthUser, clientId: string | undefined) {
    const [contracts, clients] = await Promise.all([
      this.contracts.list(user, { ...ALL, clientId }),
      this.clients.list(user, ALL),
    ]);
    const names = new Map(clients.items.map((c) => [c.id, c.name]));
    const rows = await Promise.all(
      contracts.items.map(async (contract) => {
        const usage = contract.active ? await this.usage.usage(user, contract.id) : null;
        const allowance = usage ? allowanceMinutes(contract, usage) : null;
        return { contract, usage, allowance, clientName: names.get(contract.clientId) ?? '' };
      }),
    );
    return {
      rows,
      clientId: clientId ?? '',
      clientName: clientId ? names.get(clientId) : null,
      clients: clients.items.map((c) => ({ id: c.id, name: c.name })),
    };
  }

  async contract(user: AuthUser, id: string, month: string | undefined) {
    const contract = await this.contracts.read(user, id);
    const [usage, client, activities] = await Promise.all([
      this.usage.usage(user, id, month),
      this.clients.get(user, contract.clientId),
      this.activities.list(ALL),
    ]);
    return {
      contract,
      usage,
      allowance: allowanceMinutes(contract, usage),
      clientName: client.name,
      activityNames: Object.fromEntries(activities.items.map((a) => [a.id, a.name])),
    };
  }

  /** A client's edit page: its form as stored, or as typed with its problems. */
  async clientEditPage(
    user: AuthUser,
    id: string,
    form?: ClientForm,
    problems: FormProblem[] = [],
  ) {
    const client = await this.clients.get(user, id);
    const stored = {
      name: client.name,
      siren: client.siren ?? '',
      vatNumber: client.vatNumber ?? '',
      line1: client.address.line1,
      postalCode: client.address.postalCode,
      city: client.address.city,
      country: client.address.country,
      billingEmail: client.billingEmail,
      locale: client.locale ?? '',
    };
    const autonomy = await this.autonomy.of(user, id);
    return { client, form: form ?? stored, problems, autonomy };
  }

  /** The client changed as the form says (an emptied SIREN, VAT number or language is removed). */
  async submitClientEdit(user: AuthUser, id: string, form: ClientForm): Promise<FormOutcome> {
    const failed = await attempt(async () => {
      const plain = clientPlain(form);
      const checked = await checkDto(UpdateClientDto, {
        ...plain,
        siren: plain.siren ?? null,
        vatNumber: plain.vatNumber ?? null,
        locale: plain.locale ?? null,
      });
      if (checked.value) await this.clients.update(id, checked.value);
      return { problems: checked.problems };
    });
    if (failed.problems.length === 0) return { redirect: '/console/clients' };
    return {
      page: await this.clientEditPage(user, id, form, failed.problems),
      status: failed.status,
    };
  }

  /** Archives a client that contracts, users or invoices refer to; deletes one nothing refers to. */
  async archiveClient(id: string): Promise<FormOutcome> {
    await this.clients.remove(id);
    return { redirect: '/console/clients' };
  }

  /** A contract's edit page: every term as stored (its client never changes), or as typed. */
  async contractEditPage(
    user: AuthUser,
    id: string,
    locale: WebLocale,
    form?: ContractForm,
    problems: FormProblem[] = [],
  ) {
    const contract = await this.contracts.read(user, id);
    const client = await this.clients.get(user, contract.clientId);
    const values = form ?? contractFormValues(contract, locale);
    return { contract, clientName: client.name, form: values, problems };
  }

  /**
   * The contract changed as the form says. Billing and policy are replaced as a whole, so the
   * rates per activity, which the form does not show, are carried over as stored.
   */
  async submitContractEdit(
    user: AuthUser,
    id: string,
    locale: WebLocale,
    form: ContractForm,
  ): Promise<FormOutcome> {
    const failed = await attempt(async () => {
      const stored = await this.contracts.read(user, id);
      const { clientId: _client, billing, ...plain } = contractPlain(form);
      const checked = await checkDto(
        UpdateContractDto,
        {
          ...plain,
          endDate: plain.endDate ?? null,
          paymentTermsDays: plain.paymentTermsDays ?? null,
          billing: { ...(billing as object), activityRates: stored.billing.activityRates },
        },
        contractUnreadable(form),
      );
      if (checked.value) await this.contracts.update(id, checked.value);
      return { problems: checked.problems };
    });
    if (failed.problems.length === 0) return { redirect: `/console/contracts/${id}` };
    const page = await this.contractEditPage(user, id, locale, form, failed.problems);
    return { page, status: failed.status };
  }

  /** Archives a contract that requests, work or invoices refer to; deletes an unused one. */
  async archiveContract(id: string): Promise<FormOutcome> {
    await this.contracts.remove(id);
    return { redirect: '/console/contracts' };
  }
}
