import { ImportError, ImportRefusal, ImportRow } from './import-row';

/** A contract an imported entry may be booked on. */
export interface ImportableContract {
  id: string;
  clientName: string;
  reference: string;
  title: string;
  /** Project names used for this contract in the time tracker. */
  projectNames?: string[];
  /** Ended or suspended contracts are never picked as a client's only contract (default true). */
  active?: boolean;
}

/** The user's answer to "which contract is this?": by client, by project, or both. */
export interface ImportMapping {
  client?: string;
  project?: string;
  contractId: string;
}

export type MappedImportRow = ImportRow & { contractId: string };

export interface MappedImport {
  mapped: MappedImportRow[];
  errors: ImportError[];
}

/** Names compared without case, accents or spacing differences. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lookups built once per import, so 10,000 rows cost 10,000 map reads. */
interface ContractIndex {
  ids: Set<string>;
  byClientAndProject: Map<string, string>;
  byProject: Map<string, string>;
  byClient: Map<string, string>;
  contractsOfClient: Map<string, ImportableContract[]>;
  /** Every contract, for rows that name no client. */
  all: readonly ImportableContract[];
}

/**
 * Finds the contract of each imported entry. Order: the user's mappings (client and project,
 * then project only, then client only); then a contract of that client whose reference, title
 * or project names equal the project; then the client's only active contract. A row that names
 * no client (the export has no client column, or leaves it empty) goes by its project alone: to
 * the one contract, of any client, whose reference, title or project names equal it. Anything
 * else is refused, naming the client and the project a mapping would take.
 */
export function mapRowsToContracts(
  rows: readonly ImportRow[],
  contracts: readonly ImportableContract[],
  mapping: readonly ImportMapping[],
): MappedImport {
  const index = indexContracts(contracts, mapping);
  const mapped: MappedImportRow[] = [];
  const errors: ImportError[] = [];
  for (const row of rows) {
    const found = findContract(row, index);
    if ('code' in found) errors.push({ row: row.row, ...found });
    else mapped.push({ ...row, contractId: found.contractId });
  }
  return { mapped, errors };
}

function indexContracts(
  contracts: readonly ImportableContract[],
  mapping: readonly ImportMapping[],
): ContractIndex {
  const index: ContractIndex = {
    ids: new Set(contracts.map((contract) => contract.id)),
    byClientAndProject: new Map(),
    byProject: new Map(),
    byClient: new Map(),
    contractsOfClient: new Map(),
    all: contracts,
  };
  for (const entry of mapping) {
    const client = entry.client === undefined ? undefined : foldName(entry.client);
    const project = entry.project === undefined ? undefined : foldName(entry.project);
    // The first mapping given for a key wins, like the first matching rule of a list.
    if (client !== undefined && project !== undefined) {
      setOnce(index.byClientAndProject, pairKey(client, project), entry.contractId);
    } else if (project !== undefined) setOnce(index.byProject, project, entry.contractId);
    else if (client !== undefined) setOnce(index.byClient, client, entry.contractId);
  }
  for (const contract of contracts) {
    const client = foldName(contract.clientName);
    const ofClient = index.contractsOfClient.get(client);
    if (ofClient) ofClient.push(contract);
    else index.contractsOfClient.set(client, [contract]);
  }
  return index;
}

function setOnce(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}

function pairKey(client: string, project: string): string {
  return `${client}\u0000${project}`;
}

function findContract(
  row: ImportRow,
  index: ContractIndex,
): { contractId: string } | ImportRefusal {
  const client = foldName(row.clientName);
  const project = foldName(row.projectName);
  const chosen =
    index.byClientAndProject.get(pairKey(client, project)) ??
    index.byProject.get(project) ??
    index.byClient.get(client);
  if (chosen !== undefined) {
    return index.ids.has(chosen)
      ? { contractId: chosen }
      : { code: 'unknown_mapped_contract', ...names(row), contractId: chosen };
  }
  const ofClient = client === '' ? index.all : (index.contractsOfClient.get(client) ?? []);
  const byProject = ofClient.filter((contract) => namesProject(contract, project));
  if (byProject.length === 1) return { contractId: byProject[0].id };
  if (byProject.length > 1) {
    return { code: 'several_contracts', ...names(row), count: byProject.length };
  }
  if (client === '') return { code: 'no_contract', ...names(row) };
  const active = ofClient.filter((contract) => contract.active !== false);
  if (active.length === 1) return { contractId: active[0].id };
  return { code: 'no_contract', ...names(row) };
}

function namesProject(contract: ImportableContract, project: string): boolean {
  if (project === '') return false;
  const names = [contract.reference, contract.title, ...(contract.projectNames ?? [])];
  return names.some((name) => foldName(name) === project);
}

/** The row's client and project as the file names them, null when its cell is empty. */
function names(row: ImportRow): { client: string | null; project: string | null } {
  return {
    client: row.clientName === '' ? null : row.clientName,
    project: row.projectName === '' ? null : row.projectName,
  };
}
