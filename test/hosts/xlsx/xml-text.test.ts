/** The writer's element scan: where each element ends, whichever way it is found. */
import { attrOf, rootChildren } from '../../../src/hosts/xlsx/write/xml-text';

const names = (xml: string) => rootChildren(xml).children.map((c) => `${c.name}:${xml.slice(c.start, c.end)}`);

describe('rootChildren', () => {
  it('ends an element at its own closing tag, past children of a longer name', () => {
    const xml = '<r><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/></mergeCells><x/></r>';
    expect(names(xml)).toEqual(['mergeCells:<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/></mergeCells>', 'x:<x/>']);
  });

  it('counts an element nested in one of its own name', () => {
    const xml = '<r><a><b><a>in</a></b>tail</a><c/></r>';
    expect(names(xml)).toEqual(['a:<a><b><a>in</a></b>tail</a>', 'c:<c/>']);
  });

  it('does not end an element at a closing tag inside a comment or CDATA', () => {
    const xml = '<r><a><!-- </a> --><![CDATA[</a>]]>x</a><b></b></r>';
    expect(names(xml)).toEqual(['a:<a><!-- </a> --><![CDATA[</a>]]>x</a>', 'b:<b></b>']);
  });

  it('ends an element closed with a space before its `>`', () => {
    const xml = '<r><a><z/></a ><a>2</a></r>';
    expect(names(xml)).toEqual(['a:<a><z/></a >', 'a:<a>2</a>']);
  });
});

describe('attrOf', () => {
  it('reads an attribute unescaped, in either quotes, and not a longer name', () => {
    expect(attrOf('<c rr="1" r="B2" s=\'3\'>', 'r')).toBe('B2');
    expect(attrOf('<c rr="1" r="B2" s=\'3\'>', 's')).toBe('3');
    expect(attrOf('<x name="a&amp;b &lt;c&gt;"/>', 'name')).toBe('a&b <c>');
    expect(attrOf('<x name="a"/>', 'id')).toBeUndefined();
  });
});
