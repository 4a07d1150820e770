import { ImportRow } from './import-row';
import { ImportableContract, ImportMapping, mapRowsToContracts } from './map-rows-to-contracts';

function entry(row: number, clientName: string, projectName: string): ImportRow {
  return {
    row,
    clientName,
    projectName,
    activityName: null,
    description: '',
    start: new Date('2026-03-02T08:00:00Z'),
    end: new Date('2026-03-02T09:00:00Z'),
    billable: true,
    tags: [],
    userName: null,
    userEmail: null,
  };
}

const CONTRACTS: ImportableContract[] = [
  {
    id: 'clinique-infog',
    clientName: 'Clinique Saint-Éloi',
    reference: 'INF-2026',
    title: 'Infogérance 2026',
  },
  {
    id: 'clinique-formation',
    clientName: 'Clinique Saint-Éloi',
    reference: 'FOR-01',
    title: 'Formation',
    projectNames: ['Ateliers Office'],
  },
  { id: 'boulangerie', clientName: 'Boulangerie Lefèvre', reference: 'BL-1', title: 'Maintenance' },
  {
    id: 'cafe-old',
    clientName: 'Café de la Gare',
    reference: 'CG-2024',
    title: 'Support 2024',
    active: false,
  },
  { id: 'cafe', clientName: 'Café de la Gare', reference: 'CG-2026', title: 'Support 2026' },
  { id: 'muller-a', clientName: 'Cabinet Müller', reference: 'M-1', title: 'Projet A' },
  { id: 'muller-b', clientName: 'Cabinet Müller', reference: 'M-2', title: 'Projet A' },
];

describe('mapRowsToContracts', () => {
  it.each([
    ['a contract reference', 'Clinique Saint-Éloi', 'INF-2026', 'clinique-infog'],
    [
      'a contract title, accents and case folded',
      'CLINIQUE SAINT-ELOI',
      'infogérance 2026',
      'clinique-infog',
    ],
    [
      'a project name of the contract',
      'clinique saint-éloi',
      'ateliers office',
      'clinique-formation',
    ],
    ["the client's only contract", 'Boulangerie Lefèvre', 'Caisse', 'boulangerie'],
    ["the client's only active contract", 'Café de la Gare', 'Dépannage', 'cafe'],
    ['an ended contract named by the project', 'Café de la Gare', 'Support 2024', 'cafe-old'],
  ])('books on %s', (_rule, client, project, contractId) => {
    const { mapped, errors } = mapRowsToContracts([entry(2, client, project)], CONTRACTS, []);
    expect(errors).toEqual([]);
    expect(mapped).toEqual([{ ...entry(2, client, project), contractId }]);
  });

  it.each([
    [
      'a client with two contracts and no matching project',
      'Clinique Saint-Éloi',
      'Divers',
      { code: 'no_contract', client: 'Clinique Saint-Éloi', project: 'Divers' },
    ],
    [
      'an unknown client',
      'Garage Martin',
      'Parc',
      { code: 'no_contract', client: 'Garage Martin', project: 'Parc' },
    ],
    [
      'an entry without client, as no client',
      '',
      'Veille',
      { code: 'no_contract', client: null, project: 'Veille' },
    ],
    [
      'two contracts with the same title, counting them',
      'Cabinet Müller',
      'Projet A',
      { code: 'several_contracts', client: 'Cabinet Müller', project: 'Projet A', count: 2 },
    ],
  ])('refuses %s', (_case, client, project, refusal) => {
    const { mapped, errors } = mapRowsToContracts([entry(7, client, project)], CONTRACTS, []);
    expect(mapped).toEqual([]);
    expect(errors).toEqual([{ row: 7, ...refusal }]);
  });

  const mapping: ImportMapping[] = [
    { client: 'Clinique Saint-Eloi', contractId: 'clinique-formation' },
    { project: 'Divers', contractId: 'boulangerie' },
    { client: 'clinique saint-éloi', project: 'divers', contractId: 'clinique-infog' },
    { client: 'Clinique Saint-Éloi', project: 'Divers', contractId: 'cafe' },
  ];

  it.each([
    [
      'client and project beat project only and client only',
      'Clinique Saint-Éloi',
      'Divers',
      'clinique-infog',
    ],
    ['project only beats client only', 'Garage Martin', 'Divers', 'boulangerie'],
    [
      'client only beats the contract found by project name',
      'Clinique Saint-Éloi',
      'Infogérance 2026',
      'clinique-formation',
    ],
  ])('applies mappings first: %s', (_rule, client, project, contractId) => {
    const { mapped } = mapRowsToContracts([entry(3, client, project)], CONTRACTS, mapping);
    expect(mapped.map((row) => row.contractId)).toEqual([contractId]);
  });

  it('refuses a mapping to a contract that is not offered', () => {
    const { errors } = mapRowsToContracts([entry(4, 'Garage Martin', 'Parc')], CONTRACTS, [
      { client: 'Garage Martin', contractId: 'gone' },
    ]);
    expect(errors).toEqual([
      {
        row: 4,
        code: 'unknown_mapped_contract',
        client: 'Garage Martin',
        project: 'Parc',
        contractId: 'gone',
      },
    ]);
  });

  it('keeps every row in either list, in file order', () => {
    const rows = [
      entry(2, 'Boulangerie Lefèvre', 'x'),
      entry(3, 'Nobody', 'x'),
      entry(4, 'Café de la Gare', 'x'),
    ];
    const { mapped, errors } = mapRowsToContracts(rows, CONTRACTS, []);
    expect(mapped.map((row) => row.row)).toEqual([2, 4]);
    expect(errors.map((error) => error.row)).toEqual([3]);
  });

  describe('a row without a client', () => {
    it.each([
      ['the title of one contract of any client', 'Infogérance 2026', 'clinique-infog'],
      ['a reference, case folded', 'bl-1', 'boulangerie'],
      ['a project name of a contract', 'Ateliers Office', 'clinique-formation'],
    ])('goes by its project alone: %s', (_, project, contractId) => {
      const { mapped, errors } = mapRowsToContracts([entry(2, '', project)], CONTRACTS, []);
      expect(errors).toEqual([]);
      expect(mapped.map((m) => m.contractId)).toEqual([contractId]);
    });

    it.each([
      ['a project no contract names', 'Veille technique', { code: 'no_contract' }],
      ['a project two contracts name', 'Projet A', { code: 'several_contracts', count: 2 }],
      ['no project either', '', { code: 'no_contract', project: null }],
    ])('is refused for %s', (_, project, refusal) => {
      const { mapped, errors } = mapRowsToContracts([entry(2, '', project)], CONTRACTS, []);
      expect(mapped).toEqual([]);
      expect(errors).toEqual([expect.objectContaining({ row: 2, client: null, ...refusal })]);
    });

    it("never takes a client's only contract for a row that names no client", () => {
      const only = CONTRACTS.filter((c) => c.id === 'boulangerie');
      const { errors } = mapRowsToContracts([entry(2, '', 'Autre chose')], only, []);
      expect(errors).toEqual([expect.objectContaining({ code: 'no_contract' })]);
    });
  });
});
