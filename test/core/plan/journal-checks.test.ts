/** The pieces of journal verification: the digest, what a formula reaches, the version check. */
import { sha256Hex, canonicalJson, canonicalSha256 } from '../../../src/core/plan/digest';
import { outsideReach } from '../../../src/core/plan/formula-reach';
import { JournalError, parseJournal, sealJournal } from '../../../src/core/plan/journal';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j', (text, want) => expect(sha256Hex(text)).toBe(want));

  it('reads text as UTF-8', () => {
    // sha256 of the UTF-8 bytes e8 af 84 ("评").
    expect(sha256Hex('评')).toBe(sha256Hex('\u8bc4'));
    expect(sha256Hex('评')).not.toBe(sha256Hex('\u8bc5'));
  });

  it('hashes a text longer than its block buffer (the FIPS 180-2 million a\'s)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes canonical JSON streamed exactly as the text it stands for', () => {
    // Multi-byte characters and a surrogate pair across the 64 KiB buffer's edges, and a lone surrogate.
    const long = `${'x'.repeat(65_533)}😀评${'评'.repeat(30_000)}\ud800`;
    const v = { z: [long, 1.5, -0, null, true], a: { q: '"\\\n', b: undefined }, m: [long.slice(3)] };
    expect(canonicalSha256(v)).toBe(sha256Hex(canonicalJson(v)));
    expect(canonicalSha256(v)).not.toBe(canonicalSha256({ ...v, a: { q: '"\\\n', b: 0 } }));
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });
});

describe('outsideReach', () => {
  it.each<[string, string | null]>([
    ['SUM(A1:A3)', null],
    ['MAX(0,IF(SUMPRODUCT(--ISNUMBER(MATCH($K$4:$K$7,resptable_done_words,0)))=0,N(E4),1))', null],
    ['IF(A1="HYPERLINK(",1,2)', null],
    ['Table1[Weight]*2', null],
    ["'My Sheet'!A1", null],
    ["cmd|' /C calc'!A0", 'cmd|'],
    ['=HYPERLINK("https://example.org","x")', 'HYPERLINK('],
    ['_xlfn.WEBSERVICE("https://example.org")', '_xlfn.WEBSERVICE('],
    ['filterxml(A1,"//a")', 'filterxml('],
    ['RTD("srv",,"x")', 'RTD('],
    ['CALL("kernel32","WinExec","JCJ","calc",0)', 'CALL('],
    ['[1]Sheet1!$A$1', '[1]Sheet1!'],
    ['[Budget.xlsx]Sheet1!A1', '[Budget.xlsx]Sheet1!'],
    ["'C:\\x\\[a.xlsx]S'!A1", "'C:\\x\\[a.xlsx]S'!"],
    ['_xll.MyAddinFunction(1)', '_xll.'],
  ])('%s', (f, want) => expect(outsideReach(f)).toBe(want));
});

describe('parseJournal', () => {
  const sealed = sealJournal({ plan: { version: 1, edits: [] }, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: [] });
  const refusal = (text: string) => {
    try {
      parseJournal([text]);
      return null;
    } catch (e) {
      return e instanceof JournalError ? e.key : e;
    }
  };

  it('reads what it sealed', () => {
    expect(parseJournal([JSON.stringify(sealed)])).toEqual(sealed);
  });

  it.each<[string, string, string]>([
    ['cut short', JSON.stringify(sealed).slice(0, -3), 'journal.damaged'],
    ['a newer version', JSON.stringify({ ...sealed, version: 7 }), 'journal.newer'],
    ['version 1, without a digest', JSON.stringify({ ...sealed, version: 1, digest: undefined }), 'journal.unsealed'],
    ['a field it does not know', JSON.stringify({ ...sealed, extra: 1 }), 'journal.malformed'],
    ['a wrong digest', JSON.stringify({ ...sealed, digest: '0'.repeat(64) }), 'journal.digest'],
    ['content changed after sealing', JSON.stringify({ ...sealed, sheetsAdded: ['Sheet1'] }), 'journal.digest'],
  ])('refuses %s', (_, text, key) => expect(refusal(text)).toBe(key));

  it('says the versions in both languages', () => {
    const e = new JournalError('journal.newer', { version: 7, supported: 2 });
    expect(e.format('zh-CN')).toContain('日志版本 7，本版本只认 2');
    expect(e.format('en-US')).toContain('journal version 7; this one reads 2');
  });
});
