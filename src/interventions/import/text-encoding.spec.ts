import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { readCsvTable } from './csv-table';
import { decodeText, FileText, NotText, NotUtf8 } from './text-encoding';

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '../../../test/fixtures/import', name));

function* chunked(bytes: Buffer, size: number): Generator<Buffer> {
  for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
}

describe('the encoding of an export', () => {
  it.each([
    ['toggl-fr-windows-1252.csv', 'toggl-fr.csv', 'windows-1252', ';'],
    ['kimai-iso-8859-1.csv', 'kimai.csv', 'ISO-8859-1', ','],
    ['clockify-fr-utf16le.csv', 'clockify-fr.csv', 'UTF-16LE', ';'],
    ['kimai2-de-utf16be.csv', 'kimai2-de.csv', 'UTF-16BE', ';'],
    ['kimai2-de.csv', 'kimai2-de.csv', 'UTF-8', ';'],
    ['toggl.csv', 'toggl.csv', 'UTF-8', ','],
  ])(
    '%s reads as its UTF-8 twin %s, as %s, cells separated by %j, however it arrives',
    async (file, twin, encoding, separator) => {
      const expected = await readCsvTable(fixture(twin));
      for (const source of [
        fixture(file),
        chunked(fixture(file), 5),
        chunked(fixture(file), 333),
      ]) {
        const table = await readCsvTable(source);
        expect(table.encoding).toBe(encoding);
        expect(table.separator).toBe(separator);
        expect({ ...table, encoding: 'UTF-8' }).toEqual(expected);
      }
    },
  );

  it('reads "Clinique Saint-Éloi", a curly apostrophe and the euro sign of a Windows-1252 file', async () => {
    const table = await readCsvTable(fixture('toggl-fr-windows-1252.csv'));
    const [first, , third] = table.records;
    expect(first.values[2]).toBe('Clinique Saint-Éloi');
    expect(first.values[5]).toBe('Mise à jour de l’antivirus');
    expect(first.values[13]).toBe('85,00 €');
    expect(third.values[5]).toBe('Devis de l’écran de caisse');
  });

  it.each([
    [
      'UTF-8 with its mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é,ü\n')]),
      'UTF-8',
    ],
    ['UTF-8 without it', Buffer.from('é,ü\n'), 'UTF-8'],
    ['plain ASCII', Buffer.from('a,b\n'), 'UTF-8'],
    ['UTF-16LE with its mark', encode('é,ü\n', 'utf16le', { addBOM: true }), 'UTF-16LE'],
    ['UTF-16BE with its mark', encode('é,ü\n', 'utf16be', { addBOM: true }), 'UTF-16BE'],
    ['UTF-16LE without a mark', encode('Client,Projet\nÉloïse,Parc\n', 'utf16le'), 'UTF-16LE'],
    ['Windows-1252 with a curly apostrophe', encode('l’été,€\n', 'windows-1252'), 'windows-1252'],
  ])('%s', (_, bytes, encoding) => {
    const read = decodeText(bytes);
    expect(read.encoding).toBe(encoding);
    for (const unwanted of ['\ufeff', '\ufffd', '\u0000'])
      expect(read.text).not.toContain(unwanted);
  });

  it('reads a file ending within what UTF-8 would read as a letter as a single-byte one', () => {
    const read = decodeText(Buffer.from('Caf\xc3', 'latin1'));
    expect(read.text).toBe('CafÃ');
    expect(['windows-1252', 'ISO-8859-1']).toContain(read.encoding);
  });

  it('refuses a UTF-8 file that stops being UTF-8, naming the line', () => {
    const mixed = Buffer.concat([Buffer.from('Éloïse\nParc\n'), Buffer.from('Café\n', 'latin1')]);
    expect(() => decodeText(mixed)).toThrow(NotUtf8);
    expect(() => decodeText(mixed)).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('refuses a file with zero bytes outside UTF-16, naming the line', () => {
    const workbook = Buffer.concat([
      Buffer.from('a,b\nPK\x03\x04'),
      Buffer.alloc(8, 0),
      Buffer.from('x'.repeat(600)),
    ]);
    expect(() => decodeText(workbook)).toThrow(NotText);
    expect(() => decodeText(workbook)).toThrow(expect.objectContaining({ line: 2 }));
  });

  it('judges a file that is not UTF-8 on the same bytes, whatever the slices', () => {
    const text = encode(`${'a,b\n'.repeat(5000)}Saint-Éloi,l’été\n`, 'windows-1252');
    for (const size of [1, 7, 4096, 65536]) {
      const reading = new FileText();
      const out = Buffer.concat([...chunked(text, size)].map((slice) => reading.push(slice)));
      const all = Buffer.concat([out, reading.end()]).toString('utf8');
      expect(reading.encoding).toBe('windows-1252');
      expect(all.endsWith('Saint-Éloi,l’été\n')).toBe(true);
    }
  });
});
