import { CsvError } from 'csv-parse';
import { DomainError } from '../../common/domain-error';
import { MAX_RECORD_BYTES, readCsvTable } from './csv-table';
import { NotUtf8 } from './text-encoding';
import { IMPORT_LIMITS } from './limits';

function* chunked(bytes: Buffer, size: number): Generator<Buffer> {
  for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
}

describe('readCsvTable', () => {
  it('reads the same table whatever the chunks, even one byte at a time inside a letter', async () => {
    const text = '\ufeff\n  \nClient;Projet\n\nÉloïse;"Parc, ""été"""\nMüller;Réseau\n';
    const whole = await readCsvTable(text);
    expect(whole).toEqual({
      header: ['Client', 'Projet'],
      records: [
        { line: 5, values: ['Éloïse', 'Parc, "été"'] },
        { line: 6, values: ['Müller', 'Réseau'] },
      ],
      encoding: 'UTF-8',
      separator: ';',
    });
    for (const size of [1, 2, 3, 7]) {
      expect(await readCsvTable(chunked(Buffer.from(text), size))).toEqual(whole);
    }
  });

  it('reads text past the size of one slice, a letter cut at the slice boundary', async () => {
    const filler = 'x'.repeat(64 * 1024 - 'a,b\n'.length - 1);
    const text = `a,b\n${filler}é,fin\n`;
    const { records } = await readCsvTable(text);
    expect(records).toEqual([{ line: 2, values: [`${filler}é`, 'fin'] }]);
  });

  it('refuses one entry more than the limit, naming the field', async () => {
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, n) => `${n},x`);
    const refusal = readCsvTable(['a,b', ...rows].join('\n'), 'csv');
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({
      code: 'too_large.csv',
      details: [{ field: 'csv', message: expect.stringMatching(/more than 100,000 entries/) }],
    });
    const atLimit = await readCsvTable(['a,b', ...rows.slice(1)].join('\n'));
    expect(atLimit.records).toHaveLength(IMPORT_LIMITS.rows);
  });

  it('stops reading a source past the byte limit', async () => {
    let served = 0;
    function* endless(): Generator<Buffer> {
      const line = Buffer.from(`a,${'b'.repeat(4096)}\n`.repeat(16));
      for (;;) {
        served += line.length;
        yield line;
      }
    }
    await expect(readCsvTable(endless())).rejects.toMatchObject({
      code: 'too_large.file',
      details: [{ field: 'file', message: expect.stringMatching(/larger than 32 MB/) }],
    });
    expect(served).toBeLessThan(IMPORT_LIMITS.bytes + 128 * 1024);
  });

  it('rejects broken quoting with the parser error', async () => {
    await expect(readCsvTable('a,b\n"x,y\n')).rejects.toBeInstanceOf(CsvError);
  });

  it('stops at a line longer than the longest allowed, however long the file', async () => {
    let served = 0;
    function* noLineBreak(): Generator<Buffer> {
      for (let n = 0; n < 512; n++) {
        served += 64 * 1024;
        yield Buffer.alloc(64 * 1024, 'a');
      }
    }
    const refusal = readCsvTable(noLineBreak());
    await expect(refusal).rejects.toBeInstanceOf(CsvError);
    await expect(refusal).rejects.toMatchObject({ code: 'CSV_MAX_RECORD_SIZE' });
    expect(served).toBeLessThan(4 * MAX_RECORD_BYTES);
    const long = await readCsvTable(`a,b\n${'x'.repeat(MAX_RECORD_BYTES - 10)},y\n`);
    expect(long.records).toHaveLength(1);
  });

  it('reads a file that turns out not to be UTF-8 deep inside it as Latin-1, from its start', async () => {
    const lines = ['Client,Projet', ...Array.from({ length: 20_000 }, (_, n) => `${n},Parc`)];
    const text = Buffer.concat([
      Buffer.from(lines.join('\n') + '\n'),
      Buffer.from('Café,Réseau\n', 'latin1'),
    ]);
    for (const source of [text, chunked(text, 1000), chunked(text, 7)]) {
      const table = await readCsvTable(source);
      expect(table.encoding).toBe('ISO-8859-1');
      expect(table.records).toHaveLength(20_001);
      expect(table.records[20_000]).toEqual({ line: 20_002, values: ['Café', 'Réseau'] });
    }
  });

  it('refuses a UTF-8 file that stops being UTF-8, naming the line, whatever the chunks', async () => {
    const lines = [
      'Client,Projet',
      'Éloïse,Parc',
      ...Array.from({ length: 2_000 }, (_, n) => `${n},Parc`),
    ];
    const text = Buffer.concat([
      Buffer.from(lines.join('\n') + '\n'),
      Buffer.from('Café,Réseau\n', 'latin1'),
    ]);
    for (const source of [text, chunked(text, 1000), chunked(text, 7)]) {
      const refusal = readCsvTable(source);
      await expect(refusal).rejects.toBeInstanceOf(NotUtf8);
      await expect(refusal).rejects.toMatchObject({ line: 2_003 });
    }
  });

  it.each([
    ['commas', 'a,b,c\n1,2,3\n', ','],
    ['semicolons', 'a;b;c\n1;2,5;3\n', ';'],
    ['tabs', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['pipes', 'a|b|c\n1|2|3\n', '|'],
    ['semicolons beside quoted commas', '"a,1";"b,2";c\nx;y;z\n', ';'],
  ])('reads cells separated by %s, and says so', async (_, text, separator) => {
    const table = await readCsvTable(text);
    expect(table.separator).toBe(separator);
    expect(table.records[0].values).toHaveLength(3);
  });
});
