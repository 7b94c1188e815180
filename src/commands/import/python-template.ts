/**
 * An ElastAlert argument template as an alertsmith template: ElastAlert formats each argument
 * with the first match twice, Python `%` (`%(host.name)s`, `%(count)d`) and then `str.format`
 * (`{host.name}`, `{match[host.name]}`); both become `{{host.name}}`, and the escapes `%%`,
 * `{{`, `}}` become the characters they stand for.
 */
export interface ConvertedTemplate {
  text: string;
  /** Placeholders that name no field (`%s`, `{}`, `{0}`): kept as text. */
  unnamed: string[];
}

const PERCENT = /%(?:\(([^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/y;
const BRACE = /\{([^{}]*)\}/y;

export function convertPythonTemplate(template: string): ConvertedTemplate {
  const unnamed: string[] = [];
  // The % pass first, as ElastAlert runs it; a field found here is marked so that the format pass leaves it alone.
  const marks: string[] = [];
  let afterPercent = '';
  for (let i = 0; i < template.length; ) {
    if (template[i] === '%') {
      PERCENT.lastIndex = i;
      const m = PERCENT.exec(template);
      if (m) {
        if (m[2] === '%') afterPercent += '%';
        else if (m[1] !== undefined && m[1] !== '') afterPercent += mark(marks, m[1]);
        else {
          unnamed.push(m[0]);
          afterPercent += m[0];
        }
        i += m[0].length;
        continue;
      }
    }
    afterPercent += template[i];
    i += 1;
  }
  let text = '';
  for (let i = 0; i < afterPercent.length; ) {
    const c = afterPercent[i]!;
    if ((c === '{' || c === '}') && afterPercent[i + 1] === c) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '{') {
      BRACE.lastIndex = i;
      const m = BRACE.exec(afterPercent);
      if (m) {
        const field = formatField(m[1]!);
        if (field === undefined) {
          unnamed.push(m[0]);
          text += m[0];
        } else text += `{{${field}}}`;
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  return { text: text.replace(/\u0000(\d+)\u0000/g, (_, n: string) => `{{${marks[Number(n)]}}}`), unnamed };
}

function mark(marks: string[], field: string): string {
  marks.push(field);
  return `\u0000${marks.length - 1}\u0000`;
}

/** `host.name`, `match[host.name]`, `host.name!r`, `count:>5` -> the field; positional `{}`/`{0}` -> undefined. */
function formatField(inner: string): string | undefined {
  const name = inner.replace(/![rsa]$|![rsa]:.*$|:.*$/, '');
  const m = /^match\[([^\]]+)\]$/.exec(name);
  const field = m ? m[1]! : name;
  return field === '' || /^\d+$/.test(field) ? undefined : field;
}
