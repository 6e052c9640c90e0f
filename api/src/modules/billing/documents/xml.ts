/**
 * Just enough XML for the billing files: a writer that escapes everything it is given, and a small
 * reader (elements, attributes, text; no DTDs) for the bank files the platform imports (camt.054) and
 * for tests that parse our own output back.
 */

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** A node to write: `['cbc:ID', { schemeID: '0218' }, '40008000001']` or with child nodes. */
export interface XmlNode extends Array<unknown> {
  0: string;
  1: Record<string, string> | null;
}
type XmlContent = XmlNode | string | null | undefined | false;

export function el(name: string, ...content: XmlContent[]): XmlNode {
  return [name, null, ...content] as XmlNode;
}

export function elA(name: string, attrs: Record<string, string>, ...content: XmlContent[]): XmlNode {
  return [name, attrs, ...content] as XmlNode;
}

export function renderXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const write = (node: XmlNode, depth: number) => {
    const [name, attrs, ...rest] = node as [string, Record<string, string> | null, ...XmlContent[]];
    const content = rest.filter((c): c is XmlNode | string => c !== null && c !== undefined && c !== false);
    const pad = '  '.repeat(depth);
    const a = attrs
      ? Object.entries(attrs)
          .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
          .join('')
      : '';
    if (content.length === 0) {
      out.push(`${pad}<${name}${a}/>\n`);
    } else if (content.every((c) => typeof c === 'string')) {
      out.push(`${pad}<${name}${a}>${escapeXml(content.join(''))}</${name}>\n`);
    } else {
      out.push(`${pad}<${name}${a}>\n`);
      for (const c of content) {
        if (typeof c === 'string') out.push(`${pad}  ${escapeXml(c)}\n`);
        else write(c, depth + 1);
      }
      out.push(`${pad}</${name}>\n`);
    }
  };
  write(root, 0);
  return out.join('');
}

export interface XmlElement {
  name: string;
  /** local name without the namespace prefix */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlParseError extends Error {}

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlParseError('DTDs are not accepted');
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const tag = /<\/?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new XmlParseError('unterminated declaration');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new XmlParseError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0 || !stack.length) throw new XmlParseError('bad CDATA');
      stack[stack.length - 1].text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(xml);
      if (!m) throw new XmlParseError(`bad tag at ${i}`);
      i = tag.lastIndex;
      const name = m[1];
      if (xml[m.index + 1] === '/') {
        const open = stack.pop();
        if (!open || open.name !== name) throw new XmlParseError(`unexpected </${name}>`);
        open.text = open.text.trim();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = unescape(a[2] ?? a[3] ?? '');
      const node: XmlElement = { name, local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name, attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(node);
      else if (root) throw new XmlParseError('more than one root element');
      else root = node;
      if (m[3] !== '/') stack.push(node);
    } else {
      const next = xml.indexOf('<', i);
      const chunk = xml.slice(i, next < 0 ? xml.length : next);
      if (stack.length) stack[stack.length - 1].text += unescape(chunk);
      else if (chunk.trim()) throw new XmlParseError('text outside the root element');
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length || !root) throw new XmlParseError('unclosed element');
  return root;
}

/** The first descendant on a path of local names: `find(doc, 'GrpHdr', 'CtrlSum')`. */
export function find(node: XmlElement, ...path: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = node;
  for (const p of path) {
    cur = cur?.children.find((c) => c.local === p);
    if (!cur) return undefined;
  }
  return cur;
}

export function findAll(node: XmlElement, local: string): XmlElement[] {
  return node.children.filter((c) => c.local === local);
}

export function textOf(node: XmlElement, ...path: string[]): string | undefined {
  return find(node, ...path)?.text;
}
