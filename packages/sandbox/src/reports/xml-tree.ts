import { SaxesParser } from 'saxes';
import { ReportError } from './report-types';

/** An XML element with its decoded attributes, child elements and decoded character data (text and CDATA). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const MAX_DEPTH = 64;
// One element's character data beyond this is not needed (outputs are clipped far below) and only costs memory.
const MAX_TEXT_CHARS = 256 * 1024;

/**
 * Parses a document into a small tree with saxes, a conforming XML parser: entities and character references are
 * decoded by the parser itself, CDATA is character data whatever it contains, and a real DOCTYPE is refused from the
 * parser's own doctype event, so no internal subset (billion laughs) or external entity (XXE) is ever read. An entity
 * that is not one of XML's five predefined ones is an error, never a lookup.
 */
export function parseXml(xml: string, what: string): XmlElement {
  const parser = new SaxesParser({ position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top !== root && top.text.length < MAX_TEXT_CHARS) top.text += t.slice(0, MAX_TEXT_CHARS - top.text.length);
  };
  parser.on('doctype', () => {
    throw new ReportError(`${what} contains a DOCTYPE declaration; DTDs and entity declarations are refused`);
  });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) throw new ReportError(`${what} nests elements deeper than ${MAX_DEPTH} levels`);
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (err) => {
    throw err;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof ReportError) throw err;
    throw new ReportError(`${what} is not well-formed XML: ${(err as Error).message}`);
  }
  const [top] = root.children;
  if (!top) throw new ReportError(`${what} has no root element`);
  return top;
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
