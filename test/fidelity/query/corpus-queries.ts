/**
 * The hand-written part of the query corpus: what detection engineers write, as compact tables
 * expanded by a few templates. Each entry is a detection's `query` (Lucene) or `filter` (DSL).
 */

export interface CorpusQuery {
  /** A Lucene `query_string`, as a definition's `query`. */
  query?: string;
  /** DSL clauses, as a definition's `filter`. */
  filter?: Record<string, unknown>[];
}

/** Escapes a value for a query_string term, as a careful author does. */
export function escapeTerm(v: string): string {
  return v.replace(/[\\+\-=&|><!(){}[\]^"~*?:/ ]/g, '\\$&');
}

/** keyword, constant_keyword and wildcard fields, with values that occur and some that do not. */
const KEYWORD_VALUES: [string, string[]][] = [
  ['event.code', ['4624', '4625', '4688', '9999']],
  ['event.outcome', ['failure', 'success', 'Failure']],
  ['event.category', ['authentication', 'process', 'network']],
  ['event.action', ['Process Create', 'logged-in', 'ssh_login']],
  ['user.name', ['root', 'Administrator', 'administrator', 'jane doe', 'backdoor$', 'john.doe']],
  ['user.domain', ['CORP', 'corp']],
  ['host.name', ['DC01', 'web-01.example.com', 'WS-0042']],
  ['process.name', ['powershell.exe', 'cmd.exe', 'PowerShell.EXE', 'sshd']],
  ['process.parent.name', ['cmd.exe', 'winword.exe']],
  ['process.executable', ['C:\\Windows\\System32\\cmd.exe']],
  ['process.args', ['-enc', '/c', 'hidden']],
  ['file.path', ['C:\\Users\\Public\\evil.exe', '/etc/passwd', '/tmp/.x/kworker']],
  ['tags', ['linux', 'windows', 'Audit']],
  ['related.user', ['root', 'svc_backup']],
  ['dns.answers.type', ['A', 'CNAME']],
  ['dns.answers.data', ['198.51.100.77', 'cdn.example.org']],
  ['url.domain', ['login.example.com', 'intranet.corp']],
  ['rule.name', ['ET SCAN Nmap Scripting Engine User-Agent']],
  ['custom.tag', ['T1136', '4624']],
  ['data_stream.type', ['logs', 'metrics']],
  ['data_stream.dataset', ['generic']],
  ['data_stream.namespace', ['default', 'prod']],
  ['process.command_line', ['/usr/sbin/sshd -D', 'cmd.exe']],
  ['url.original', ['http://198.51.100.9/a.exe']],
];

/** Values searched inside wildcard-type and keyword fields with patterns. */
const PATTERNS: [string, string[]][] = [
  ['process.command_line', ['*whoami*', '*-enc*', '*WHOAMI*', '*comsvcs.dll*', 'powershell*', '*\\ -nop\\ *', '*.ps1', '*C\\:\\\\Users\\\\Public*', '?md.exe*']],
  ['url.original', ['*passwd*', 'https\\://*', '*a.exe', '*%20*']],
  ['process.name', ['power*', 'Power*', '*.exe', '*.EXE', 'c?d.exe', 'ssh?']],
  ['user.name', ['admin*', 'Admin*', '*doe', 'ro*t', 'svc_*']],
  ['host.name', ['web-*', 'WS-*', 'ws-*', 'DC0?', '*.example.com']],
  ['file.path', ['C\\:\\\\Users\\\\*', '*\\\\evil.exe', '/tmp/*', '\\/etc\\/*']],
  ['data_stream.type', ['log*', 'l?gs', 'met*']],
  ['event.code', ['46*', '4?2?']],
];

const REGEXPS: [string, string[]][] = [
  ['process.name', ['c.d\\.exe', '(cmd|powershell)\\.exe', '[Pp]ower[Ss]hell\\.(exe|EXE)', 'POWERSHELL\\.EXE', 'ssh.?']],
  ['user.name', ['adm.*', '[A-Z].*', '.*\\$', 'root|admin']],
  ['process.command_line', ['.*comsvcs.*', '.*-enc [A-Za-z0-9]+', 'cmd.*whoami.*']],
  ['host.name', ['web-0[0-9]\\.example\\.com', 'DC0[12]']],
  ['message', ['fail.*', 'Fail.*', 'passw[a-z]+', 'ssh[0-9]']],
  ['custom.note', ['power.*', 'Power.*', 'minidump']],
  ['data_stream.type', ['lo.*']],
];

/** Analysed fields (text, match_only_text) and words or phrases in them. */
const TEXT_VALUES: [string, string[]][] = [
  ['message', ['failed', 'Failed', 'password', 'failed password', 'root', '203.0.113.7', 'ssh2', 'logged on', 'Nmap', 'etc/passwd', 'user', 'nothere']],
  ['custom.note', ['powershell', 'PowerShell', 'encoded powershell', 'MiniDump', 'bypass from', 'EDR']],
  ['error.message', ['not found', 'syntax', 'OR']],
  ['process.name.text', ['powershell.exe', 'sshd', 'PowerShell.EXE']],
  ['user.name.text', ['doe', 'jane doe', 'ROOT', 'john.doe']],
  ['file.path.text', ['public', 'passwd', 'evil.exe', 'windows system32']],
  ['process.command_line.text', ['whoami', 'hidden', 'comsvcs.dll', 'minidump 624']],
  ['url.original.text', ['oauth2', 'passwd', 'admin']],
];

const IP_VALUES: [string, string[]][] = [
  ['source.ip', ['203.0.113.7', '10.0.0.23', '"10.0.0.0/8"', '10.0.0.0\\/8', '"2001:db8::10"', '"::ffff:10.0.0.99"', '10.0.0.99', '"192.168.0.0/16"', '[10.0.0.0 TO 10.0.0.30]', '10.*', '"203.0.113.0/24"']],
  ['destination.ip', ['"2001:db8::1"', '"2001:db8::/32"', '198.51.100.20', '"198.51.100.0/24"']],
  ['host.ip', ['"fe80::1"', '10.0.1.20', '"10.0.0.0/16"']],
  ['related.ip', ['198.51.100.77', '"10.0.0.0/8"']],
];

const NUMBER_VALUES: [string, string[]][] = [
  ['source.port', ['22', '2222', '[1024 TO *]', '>=1024', '<1024', '{22 TO 443]', '[0 TO 22}', '>50000', '22.0', 'abc', '2*']],
  ['destination.port', ['443', '(22 OR 3389)', '(22 3389)', '[80 TO 443]', '8*', '<=53']],
  ['event.severity', ['3', '>3', '[2 TO 5]', '>=10', '3.5']],
  ['event.risk_score', ['21.5', '>=47', '[47 TO 99.9]', '<50', '99.9']],
  ['process.pid', ['4242', '[800 TO 1000]', '>30000']],
  ['http.response.status_code', ['404', '[400 TO 499]', '>=300', '302']],
  ['network.bytes', ['>100000', '[100 TO 5000]', '120']],
  ['file.size', ['0', '>1000', '73802']],
  ['host.cpu.usage', ['>0.9', '0.953', '[0 TO 1]']],
  ['custom.count', ['1', '[-5 TO 0]', '<0', '4624']],
  ['custom.level', ['7', '>=100', '[-2 TO 7]']],
  ['custom.tiny', ['<0', '-5', '\\-5']],
  ['custom.ratio', ['0.75', '>1', '[-2 TO 1]']],
  ['custom.half', ['1.5', '>1']],
  ['custom.big', ['>1000', '4294967296000']],
];

const DATE_VALUES: [string, string[]][] = [
  ['@timestamp', [
    '2026-03-10', '[2026-03-10 TO 2026-03-11}', '[2026-03-10T09:00:00Z TO 2026-03-10T10:00:00Z]', '>=2026-03-12',
    '"2026-03-10T09:05:00Z"', '2026-03-10T09\\:05\\:00Z', '<2026-03-10T09:00:00Z', '[* TO 2026-03-10T08:16:30Z}',
    '[2026-03-11 TO *]', '{2026-03-10 TO 2026-03-12}', '2026-03', '[2026-03-10||+1d TO 2026-03-12||/d]', '<now', '[now-100y TO now]',
  ]],
  ['event.created', ['>=2026-03-10T10:00:00Z', '[2026-03-10 TO 2026-03-11]', '1773136800000']],
];

const BOOLEAN_VALUES: [string, string[]][] = [
  ['process.interactive', ['true', 'false', '(true OR false)']],
  ['tls.established', ['true', 'false']],
  ['custom.flag', ['true', 'false']],
  ['process.code_signature.trusted', ['true', 'yes']],
];

const EXISTS = [
  'user', 'user.name', 'process.parent', 'process.parent.name', 'dns.answers', 'dns.answers.data', 'source.port', 'tags',
  'data_stream.type', 'data_stream', 'custom', 'process.name.text', 'message', 'source.ip', 'tls.established', 'event.created',
  'user.\\*', 'process.\\*', 'user.*', 'nosuchfield',
];

/** Queries with no field: Elasticsearch's default field `*`. */
const FIELDLESS = [
  'root', 'Administrator', 'administrator', 'failed', 'Failed', '4624', '203.0.113.7', '"203.0.113.7"', 'powershell*', '*.exe',
  'CORP', 'corp', 'logs', 'true', '2026-03-10', '22', '"failed password"', 'failed password', 'jdoe OR root', '>100',
  '>=4624', '[a TO c]', '<10', '[2026-03-10 TO 2026-03-11]', 'ssh*', '/ro+t/', 'T1136', 'generic', 'cmd.exe', '"Process Create"',
  'Process\\ Create', '10.0.0.0\\/8', 'NOT root', 'windows AND prod', 'root -linux', '+ssh* +failure', 'web\\-01.example.com',
  'admin', 'www\\-data', 'nothing_matches_this',
];

/** Combinations of clauses, as detections combine them. */
const BOOLEAN_SHAPES = [
  'event.code:4624 AND user.name:Administrator',
  'event.code:4624 AND NOT user.name:Administrator',
  'NOT event.outcome:success',
  'event.outcome:failure OR event.code:4625',
  '(event.code:4624 OR event.code:4625) AND NOT user.name:root',
  '+event.category:authentication -event.outcome:success',
  'event.category:authentication AND event.outcome:failure OR user.name:root',
  'NOT user.name:root OR host.name:DC01',
  '!user.name:root AND event.category:authentication',
  'event.code:4624 && host.name:DC01',
  'event.code:4624 || host.name:DC02',
  'process.name:sshd AND message:failed AND source.ip:203.0.113.7',
  'process.parent.name:winword.exe AND process.name:powershell.exe',
  'event.category:process AND process.name:(cmd.exe OR powershell.exe OR rundll32.exe)',
  'event.category:process AND process.name:(cmd.exe powershell.exe rundll32.exe)',
  'event.code:(4624 OR 4625) AND user.domain:CORP',
  'event.code:(4624 4625)',
  'event.code:(4624 4625) AND user.domain:CORP',
  'user.name:(root OR admin OR Administrator) AND NOT source.ip:"10.0.0.0/8"',
  '(process.name:cmd.exe AND process.args:whoami) OR (process.name:powershell.exe AND process.args:\\-enc)',
  'event.category:network AND destination.port:(22 OR 3389) AND NOT source.ip:"10.0.0.0/8"',
  'event.category:network AND destination.port:(22 3389)',
  'tags:linux AND tags:ssh',
  'tags:(linux AND ssh)',
  'tags:(linux ssh)',
  'NOT (tags:linux OR tags:windows)',
  '(NOT tags:linux)',
  'event.severity:>=3 AND event.category:authentication',
  'source.port:[1024 TO *] AND NOT destination.port:443',
  '_exists_:process.parent AND NOT _exists_:process.parent.pid',
  'user.name:root^2 OR user.name:admin',
  'event.action:"Process Create" AND process.command_line:*comsvcs*',
  'event.action:Process\\ Create',
  'event.action:(Process Create)',
  'event.category:(authentication AND session)',
  'event.outcome:failure AND (user.name:root OR user.name:ROOT)',
  'message:(failed AND password)',
  'message:(failed password)',
  'message:failed AND NOT message:invalid',
  'message:"failed password" AND source.ip:"203.0.113.0/24"',
  'host.name:web\\-01.example.com',
  'host.name:web-01.example.com',
  'file.path:C\\:\\\\Users\\\\Public\\\\evil.exe',
  'file.path:"C:\\\\Users\\\\Public\\\\evil.exe"',
  'process.command_line:"cmd.exe /c whoami /all"',
  '@timestamp:[2026-03-10 TO 2026-03-11} AND event.outcome:failure',
  'dns.answers.type:CNAME AND dns.answers.data:198.51.100.77',
  'url.original:*passwd* OR url.original.text:passwd',
  'custom.flag:true OR custom.count:>0',
  'user.name:root AND NOT user.name:ROOT',
  'event.code:4624 AND (source.ip:10.0.0.5 OR source.ip:10.0.0.24)',
  '(user.name:jdoe) AND (host.name:WS\\-0042)',
  'user.name:jdoe AND host.name:WS-0042',
  '(event.code:4688 AND process.name:cmd.exe) OR (event.category:process AND process.parent.name:cmd.exe)',
];

/** Less common but real: escapes, quoting, dates with offsets and rounding, odd numbers, unicode. */
const EDGE_SHAPES = [
  'process.name:"power*"', 'process.name:power\\*', 'user.name:backdoor\\$', 'user.name:back*\\$', 'user.name:backdoor$',
  'user.name:José', 'message:JOSÉ', 'message:josé', 'user.name:josé', 'message:"GET /admin"', 'message:etc\\/passwd',
  'message:"for root from"', 'message:"root for"', 'message:"ssh2"', 'message:(ssh2 OR publickey) AND NOT user.name:root',
  '@timestamp:[now-100y/d TO now/d]', '@timestamp:>now-100y', '@timestamp:"2026-03-10T10:05:00+01:00"', '@timestamp:2026-03-10T09\\:05\\:00.000Z',
  '@timestamp:[2026-03-10T09:00:00+01:00 TO 2026-03-10T11:00:00+01:00]', '@timestamp:{* TO 2026-03-10T09:05:00Z]', '@timestamp:[2026-03-11T00:00:00Z TO 2026-03-11T00:00:00Z]',
  '@timestamp:2026-03-10T09', '@timestamp:[2026-03-10||/d TO 2026-03-10||+1d/d}', 'event.created:[* TO *]',
  'source.port:[* TO 1024]', 'source.port:022', 'source.port:+22', 'source.port:\\-1', 'event.risk_score:[21 TO 22]', 'event.risk_score:>21.49',
  'event.severity:[3 TO 3]', 'event.severity:{3 TO 5}', 'source.port:(22 OR 2222 OR 3389)', 'source.port:(>=1024 AND <50000)', 'custom.big:[1 TO *]',
  'source.ip:[10.0.0.0 TO *]', 'source.ip:"10.0.0.23/32"', 'source.ip:"::ffff:10.0.0.0/104"', 'source.ip:"2001:db8::/64"', 'source.ip:\\:\\:ffff\\:10.0.0.99',
  'destination.ip:[198.51.100.0 TO 198.51.100.255] AND destination.port:443',
  'tls.established:TRUE', 'tls.established:"true"', 'process.interactive:(true) AND process.name:sshd', 'custom.flag:false OR NOT _exists_:custom.flag',
  'host.name:dc01', 'host.name:(DC01 OR DC02) AND event.code:(4624 OR 4625 OR 4771)', 'user.name:(root OR ROOT) AND NOT host.name:db01',
  '*', '*:*', 'NOT *', 'NOT _exists_:user AND NOT _exists_:process', '_exists_:custom AND NOT custom.flag:true',
  'event.category:(network OR web) AND NOT destination.port:(80 OR 443)', 'dns.answers.ttl:>100', 'dns.answers.ttl:60 AND dns.answers.type:A',
  'dns.answers.name:evil.example.net AND dns.answers.type:A', 'related.ip:"10.0.0.0/8" AND related.user:svc_backup',
  'process.args:"-enc" AND process.name:powershell.exe', 'process.args:(whoami OR \\/all)', 'process.args:\\/c', 'process.args:/\\/.*/',
  'file.path:*.ps1 OR file.path:*.exe', 'file.path:*\\\\Public\\\\*', 'file.path:/.*[Pp]ublic.*/', 'file.path.text:(users public)',
  'url.original:http*', 'url.original:*example.com*', 'url.original.text:"login.example.com"', 'url.domain:*.example.com',
  'event.original:*delete*', 'event.original:"user=admin action=delete path=/var/log/auth.log status=ok"', 'message:user\\=admin', 'message:"action=delete"',
  'rule.name:ET*', 'rule.name:"ET SCAN Nmap Scripting Engine User-Agent"', 'rule.name:(ET SCAN Nmap Scripting Engine User-Agent)',
  'custom.note:(powershell AND word)', 'custom.note:"from word"', 'custom.note:launched', 'custom.note:LAUNCH*', 'custom.note:9f86d081884c7d65',
  'error.message:"syntax error"', 'error.message:or', 'error.message:"at or near"', 'event.duration:>1000000',
  'host.cpu.usage:[0.95 TO 1]', 'host.cpu.usage:0.95', 'custom.half:[1 TO 2]', 'custom.ratio:-1.25', 'custom.tiny:[-10 TO -1]',
  'event.code:4624 OR 4625', 'event.code:4624 4625', 'root admin', 'failed root', 'user.name:root admin', '"failed password" root',
  'event.outcome:failure AND user.name:root OR user.name:admin', 'NOT event.outcome:success AND NOT event.outcome:failure',
  '+event.code:4624 +user.name:Administrator -host.name:DC02', '-event.outcome:success -event.outcome:failure',
  'event.risk_score:" 21.5"', 'event.risk_score:0x1p4', 'source.port:0x16', 'source.port:1e3', 'source.port:22.5', 'source.port:" 22"', 'custom.big:\\-1', 'custom.big:[* TO 5000000000000]',
  'event.risk_score:1e2', 'event.risk_score:NaN', 'custom.ratio:Infinity', 'event.severity:[1 TO 3.5]', 'event.severity:>2.5',
  'user.name:""', 'message:""', 'user.name:"root"^2', '(user.name:root OR user.name:admin)^2', 'process.name:(powershell.exe OR cmd.exe) AND NOT user.name:(SYSTEM OR "LOCAL SERVICE")',
  'message:"C:\\\\Windows"', 'message:ssh2\\:', 'host.name:web-01', 'host.name:web-0*', 'host.name:WEB*', '@timestamp:[now-1h TO now]',
  '@timestamp:2026-03-10T09:05:00Z', '@timestamp:>=2026-03-10T09:05:00Z', '@timestamp:1773133500000', '@timestamp:[1773133500000 TO *]',
  'event.created:>2026-03-10T10:00:28Z', 'event.created:2026-03-10', 'tls.established:(true AND false)', 'tls.established:1', 'tls.established:on',
  'source.ip:10.0.0.23 OR source.ip:"10.0.0.23"', 'source.ip:[10.0.0.23 TO 10.0.0.23]', 'source.ip:{10.0.0.0 TO 10.0.0.23}', 'source.ip:<10.0.0.24',
  'host.ip:"fe80::/10"', 'host.ip:[:: TO *]', 'destination.ip:"2001:db8::1/128"', 'source.ip:"10.0.0.0/33"', 'source.ip:"10.0.0.0/0"',
];

/** Syntax at the edges: both sides must reject what the engine rejects and read the rest alike. */
const SYNTAX_PROBES = [
  'user.name:root AND', 'AND root', '(root', 'root)', 'user.name:"a \\"b\\""', 'a&&b', 'a||b', 'root & admin', 'root | admin',
  'NOT NOT root', '(NOT root)', '!(root)', '-(root OR admin)', '+(root admin)', 'user.name:(root OR (admin AND NOT jdoe))',
  'user.name:[root TO]', 'user.name:{a TO z', 'message:"unclosed', 'user.name:/unclosed', 'user.name:root^', 'user.name:root^2.5',
  '\\(root\\)', '""', 'user.name:', ':root', 'user.name:(', 'user.name:()', '()', 'user.name:*root', 'user.name:r*t*', 'user.name:?',
  'user.name:????', 'message:?', 'message:*', 'message:**', '**', 'user.name:\\*', 'user.name:\\?', '/.*/', 'message:/.*/',
  'user.name:/[/', 'user.name:/ro{1,}t/', 'user.name:/(root|admin)/', 'user.name:/r.o.t/', 'user.name:/@/', 'user.name:/[^r].*/',
  'user.name:/\\w+/', 'user.name:/[a-z]+/', 'user.name:/.{4}/', 'user.name:/\\$.*/', 'user.name:/.*\\$/', 'message:/[0-9]+/',
  'a:b:c', 'user.name:root user.name:admin', 'user.name:root OR NOT user.name:admin', 'NOT user.name:root NOT user.name:admin',
  'user.name:root AND NOT (host.name:DC01 OR host.name:DC02)', 'event.code:4624 AND -user.name:root', 'event.code:4624 && !user.name:root',
  'user.name:root OR', 'OR', 'NOT', 'user.name:(root)', 'user.name:((root))', '((user.name:root))', 'user.name:(root OR)',
  '_exists_:user.name AND _exists_:host.name', '_exists_:(user.name)', '_exists_:"user.name"', 'message:failed\\ password',
  'user.name:"root" OR "admin"', 'host.name:DC0\\1', 'user.name:root\\', 'message:\\"failed', 'user.name:[* TO *]', 'user.name:{* TO *}',
  'user.name:admn~', 'user.name:Administratr~', 'user.name:root~1', 'user.name:roto~', 'user.name:ro~', 'user.name:jdo~1', 'user.name:rot~0',
  'message:faild~', 'message:FAILD~', 'message:pasword~1', 'user.name:root~3', 'user.name:root~0.5', 'process.name:powershel.exe~',
  'process.name:powershell.exe~2', 'root~', 'source.port:22~', 'source.ip:10.0.0.23~', 'process.command_line:cmd~', 'data_stream.type:logz~',
  'user.name:root~^2', 'user.name:root^2~', 'host.name:dc01~', 'host.name:DC03~1', 'user.name:Jos~', 'user.name:(roto~ OR admn~)',
  'message:"failed root"~3', 'message:"failed root"~2', 'message:"password failed"~1', 'message:"password failed"~2', 'message:"root failed"~5',
  'message:"failed for root"~1', 'message:"account logged"~3', 'message:"account logged"~2', 'message:"failed"~3', 'message:"failed password"~',
  'message:"failed password"~2.5', 'user.name:"jane doe"~2', 'custom.note:"powershell word"~3', '"failed root"~4', 'message:"from port ssh2"~3',
  'event.code:(>4624 4625)', 'event.code:(>=4625 4626)', 'event.code:(<4625 4626)', '>4624 4625', 'source.port:(>=22 23)',
  '_exists_:user~', '_exists_:user.name~1', '_exists_:/user.*/', '_exists_:[a TO z]',
  'root &&admin', 'root &&(admin)', '(root ||)', 'root &', 'root |admin', 'root -', 'root !', 'root + admin', 'user.name:-root', 'user.name:!root',
  'user.name:root~10', 'user.name:roto~1.25', 'user.name:root^1.25', 'user.name:root^10', 'user.name:["a\\"b" TO c\\ d]', 'user.name:["a\\"b" TO c\\-d]', 'user.name:[a\\ TO c]', 'user.name:[* TO b]', 'root -\tadmin', 'root +',
  'NOT user.name:root AND user.name:admin', 'root admin *', 'root admin~', '*:root', '"user.name":root',
];

/** DSL clauses a detection's `filter` holds. */
export function dslClauses(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const term = (field: string, value: unknown, extra: Record<string, unknown> = {}) =>
    Object.keys(extra).length === 0 ? { term: { [field]: value } } : { term: { [field]: { value, ...extra } } };
  for (const [field, values] of KEYWORD_VALUES) {
    for (const v of values.slice(0, 2)) {
      out.push(term(field, v));
      out.push(term(field, v.toLowerCase(), { case_insensitive: true }));
      out.push({ match: { [field]: v } });
      out.push({ prefix: { [field]: v.slice(0, 3) } });
    }
    out.push({ terms: { [field]: values } });
  }
  for (const [field, values] of TEXT_VALUES) {
    for (const v of values.slice(0, 4)) {
      out.push({ match: { [field]: v } });
      out.push({ match: { [field]: { query: v, operator: 'and' } } });
      out.push({ match_phrase: { [field]: v } });
      out.push(term(field, v));
      out.push({ prefix: { [field]: v.slice(0, 4) } });
      out.push({ wildcard: { [field]: { value: `${v.slice(0, 4)}*` } } });
    }
    out.push({ match: { [field]: { query: values.slice(0, 3).join(' '), minimum_should_match: 2 } } });
    out.push({ match: { [field]: { query: values[0], minimum_should_match: 2 } } });
    out.push({ match: { [field]: { query: values.slice(0, 2).join(' '), minimum_should_match: '50%' } } });
    out.push({ match: { [field]: { query: values.slice(0, 2).join(' '), minimum_should_match: 3 } } });
  }
  for (const [field, values] of PATTERNS) {
    for (const p of values.slice(0, 3)) {
      const raw = p.replace(/\\(.)/g, '$1');
      out.push({ wildcard: { [field]: raw } });
      out.push({ wildcard: { [field]: { value: raw.toLowerCase(), case_insensitive: true } } });
    }
  }
  for (const [field, values] of REGEXPS) {
    for (const r of values.slice(0, 3)) {
      out.push({ regexp: { [field]: r } });
      out.push({ regexp: { [field]: { value: r, case_insensitive: true } } });
    }
  }
  const ranges: [string, Record<string, unknown>][] = [
    ['source.port', { gte: 1024 }], ['source.port', { gt: 22, lte: 2222 }], ['source.port', { lt: '1024' }],
    ['event.risk_score', { gte: 47.0 }], ['custom.ratio', { gt: 0, lt: 1 }], ['host.cpu.usage', { gte: 0.95 }],
    ['@timestamp', { gte: '2026-03-10', lt: '2026-03-11' }], ['@timestamp', { gte: '2026-03-10T09:00:00Z', lte: '2026-03-10T10:00:00Z' }],
    ['@timestamp', { gt: '2026-03-11' }], ['@timestamp', { lte: '2026-03-10' }], ['@timestamp', { gte: '2026-03-10||+1d/d' }],
    ['@timestamp', { gte: 'now-100y', lte: 'now' }], ['@timestamp', { gte: 1773136800000 }], ['event.created', { gte: '2026-03-10T10:00:00Z' }],
    ['source.ip', { gte: '10.0.0.0', lte: '10.0.0.255' }], ['user.name', { gte: 'a', lt: 'n' }], ['event.code', { gte: '4624', lte: '4688' }],
    ['custom.big', { gt: 1000 }], ['custom.count', { from: -5, to: 0, include_upper: false }], ['http.response.status_code', { gte: 400, lt: 500 }],
  ];
  for (const [field, spec] of ranges) out.push({ range: { [field]: spec } });
  for (const field of ['user', 'user.name', 'process.parent', 'dns.answers.ttl', 'data_stream.type', 'data_stream.namespace', 'custom.flag', 'message']) {
    out.push({ exists: { field } });
  }
  const terms: [string, unknown][] = [
    ['source.ip', '10.0.0.0/8'], ['source.ip', '203.0.113.7'], ['destination.port', 22], ['destination.port', '443'], ['event.severity', 3],
    ['process.interactive', true], ['tls.established', false], ['custom.flag', 'true'], ['@timestamp', '2026-03-10T09:05:00Z'],
    ['event.risk_score', 21.5], ['host.ip', 'fe80::1'], ['custom.count', 4624], ['event.code', 4624],
  ];
  for (const [f, v] of terms) out.push(term(f, v));
  out.push({ terms: { 'destination.port': [22, 443, 3389] } }, { terms: { 'source.ip': ['10.0.0.0/8', '203.0.113.7'] } });
  out.push(
    { match: { 'source.ip': '10.0.0.0/8' } }, { match: { 'source.port': 22 } }, { match: { 'source.port': '22' } }, { match: { '@timestamp': '2026-03-10' } },
    { match: { 'tls.established': 'false' } }, { match: { 'user.name': { query: 'jane doe', operator: 'and' } } }, { match: { 'user.name': 'jane' } },
    { match_phrase: { 'user.name': 'jane doe' } }, { match_phrase: { message: 'successfully logged' } }, { match_phrase: { message: 'logged successfully' } },
    { match_phrase: { message: { query: 'logged successfully', slop: 2 } } }, { match_phrase: { message: { query: 'account logged on', slop: 1 } } },
    { match_phrase: { message: { query: 'failed root', slop: 2 } } }, { match_phrase: { message: { query: 'failed root', slop: 3 } } },
    { term: { message: 'Failed' } }, { term: { message: 'failed' } }, { term: { 'user.name.text': 'doe' } }, { term: { 'source.port': '22' } },
    { terms: { 'event.code': ['4624', 4625, '4688'] } }, { terms: { 'user.name': ['root', 'ROOT'] } }, { terms: { 'tls.established': [true] } },
    { wildcard: { message: 'Fail*' } }, { wildcard: { message: 'fail*' } }, { prefix: { message: 'Fail' } }, { prefix: { 'user.name': 'Adm' } },
    { prefix: { 'user.name': { value: 'adm', case_insensitive: true } } }, { regexp: { message: 'fail.*' } }, { regexp: { 'event.code': '46[0-9]{2}' } },
    { range: { 'user.name': { gt: 'root' } } }, { range: { message: { gte: 'a', lt: 'b' } } }, { range: { 'tls.established': { gte: true } } },
    { range: { '@timestamp': { gte: '2026-03-10T10:00:00+01:00' } } }, { range: { '@timestamp': { gte: '2026-03-10', lte: '2026-03-10' } } },
    { range: { '@timestamp': { gt: '2026-03-10', lt: '2026-03-11' } } }, { range: { 'event.risk_score': { gt: '21.5' } } },
    { exists: { field: 'process.name.text' } }, { exists: { field: 'dns' } }, { exists: { field: 'data_stream' } },
    { bool: { must_not: [{ term: { 'event.outcome': 'success' } }], should: [{ term: { 'user.name': 'root' } }, { term: { 'user.name': 'jdoe' } }] } },
    { bool: { filter: [{ range: { 'source.port': { gte: 1024 } } }], must_not: { terms: { 'source.ip': ['10.0.0.0/8'] } } } },
    { bool: { should: [{ bool: { must: [{ term: { 'event.code': '4624' } }, { term: { 'user.domain': 'CORP' } }] } }, { match: { message: 'kerberos' } }] } },
    { query_string: { query: 'failed', fields: ['message^2'] } }, { query_string: { query: 'NOT root', default_operator: 'AND' } },
    { query_string: { query: 'root failed -invalid', default_operator: 'AND', default_field: 'message' } },
    { query_string: { query: 'event.code:(4624 4625)', default_operator: 'AND' } },
    { query_string: { query: 'user.name:Admin*' } }, { query_string: { query: 'message:Admin*', analyze_wildcard: false } },
    { match: { 'event.code': '4624 4625' } }, { match_phrase: { 'event.code': 4624 } }, { terms: { message: ['Failed', 'failed'] } },
    { exists: { field: 'tags' } }, { wildcard: { 'source.port': '2*' } }, { prefix: { 'source.ip': '10.' } }, { regexp: { message: 'Fail.*' } },
    { range: { 'source.ip': { gte: '10.0.0.0/8' } } }, { query_string: { query: 'cmd.exe', fields: ['process.\\*'] } },
    { query_string: { query: 'root admin', default_field: 'user.name' } }, { query_string: { query: 'root admin', default_field: 'related.user' } },
    { query_string: { query: 'event.code:4624 OR event.code:4625', default_operator: 'AND' } },
    { query_string: { query: 'failed password', default_operator: 'AND', fields: ['message', 'error.message'] } },
    { match: { 'source.port': { query: '22', operator: 'and' } } }, { match: { 'user.name.text': { query: 'jane doe', operator: 'and' } } },
    { multi_match: { query: 'root', fields: ['user.name', 'related.user'] } }, { multi_match: { query: 'failed password', fields: ['message', 'error.message'] } },
    { multi_match: { query: 'failed password', fields: ['message^2', 'user.name'], operator: 'and' } },
    { multi_match: { query: 'failed password root', fields: ['message'], minimum_should_match: 2 } },
    { multi_match: { query: 'failed password', fields: ['message', 'custom.note'], type: 'phrase' } },
    { multi_match: { query: 'powershell', fields: ['process.*', 'custom.note'] } }, { multi_match: { query: 'powershell.exe', fields: ['process.*'] } },
    { multi_match: { query: 'root' } }, { multi_match: { query: '22' } }, { multi_match: { query: 'root admin', type: 'most_fields' } },
    { multi_match: { query: 'abc', fields: ['source.port', 'user.name'] } }, { multi_match: { query: 'abc', fields: ['source.port'], lenient: true } },
    { multi_match: { query: '203.0.113.7', fields: ['source.ip', 'message'] } }, { multi_match: { query: 'jane doe', fields: ['user.name', 'user.name.text'] } },
  );
  out.push(
    { bool: { should: [term('user.name', 'root'), term('user.name', 'ROOT')] } },
    { bool: { should: [term('user.name', 'root'), term('user.name', 'ROOT')], minimum_should_match: 2 } },
    { bool: { should: [term('user.name', 'root'), term('process.name', 'sshd')], minimum_should_match: 3 } },
    { bool: { should: [term('user.name', 'root'), term('process.name', 'sshd')], minimum_should_match: '100%' } },
    { bool: { should: [term('user.name', 'root'), term('process.name', 'sshd'), term('event.outcome', 'failure')], minimum_should_match: -1 } },
    { bool: { must: [term('event.category', 'authentication')], should: [term('user.name', 'root')] } },
    { bool: { must: [term('event.category', 'authentication')], should: [term('user.name', 'root')], minimum_should_match: 1 } },
    { bool: { filter: { term: { 'event.outcome': 'failure' } }, must_not: [{ term: { 'user.name': 'root' } }] } },
    { bool: { must_not: { exists: { field: 'source.ip' } } } },
    { bool: { should: [] } },
    { bool: { must: [], minimum_should_match: 1 } },
    { constant_score: { filter: term('host.name', 'DC01') } },
    { match_all: {} },
    { match_none: {} },
    { query_string: { query: 'root failed', default_operator: 'AND' } },
    { query_string: { query: 'root failed', default_operator: 'AND', default_field: 'message' } },
    { query_string: { query: 'Administrator CORP', default_operator: 'AND' } },
    { query_string: { query: 'root OR Administrator', default_operator: 'AND' } },
    { query_string: { query: 'failed password', default_field: 'message' } },
    { query_string: { query: 'failed password', fields: ['message', 'user.name'] } },
    { query_string: { query: 'root', fields: ['user.*'] } },
    { query_string: { query: 'root', fields: ['user.name', 'related.user'] } },
    { query_string: { query: '4624 4625', default_field: 'event.code' } },
    { query_string: { query: 'source.ip:10.*', lenient: true } },
    { query_string: { query: 'destination.port:abc' } },
    { query_string: { query: 'message:/Fail.*/' } },
    { query_string: { query: '*min*', allow_leading_wildcard: false } },
    { query_string: { query: '*', fields: ['*', 'user.name'] } },
    { query_string: { query: 'root', fields: ['user.name^2.5', 'related.user^10'] } },
    { multi_match: { query: 'root', fields: ['user.name^1.5'] } },
    { multi_match: { query: 22, fields: ['source.port'] } },
    { multi_match: { query: 'abc', fields: ['source.port', 'user.name'], lenient: true } },
    { multi_match: { query: 'password failed', fields: ['message'] } },
    { multi_match: { query: 'password failed', fields: ['message'], type: 'phrase' } },
    { wildcard: { 'user.name': { value: 'ROO*' } } },
    { prefix: { 'user.name': { value: 'ROO', case_insensitive: true } } },
    { prefix: { message: 'Fail' } },
    { regexp: { 'user.name': 'ROO.*' } },
    { regexp: { 'user.name': { value: 'ROO.*', case_insensitive: true } } },
    { range: { 'source.port': { lte: 1024 } } },
    { range: { 'source.port': { from: 1024 } } },
    { range: { 'source.port': { to: 1024 } } },
    { range: { '@timestamp': { lt: 3000 } } },
    { range: { '@timestamp': { gte: 2026, lte: 2027 } } },
    { range: { '@timestamp': { gte: 1773133500000 } } },
    { range: { '@timestamp': { gt: 1.5 } } },
    { query: { query_string: { query: 'user.name:root' } } },
    { regexp: { 'custom.tag': { value: '\u212A.*', case_insensitive: true } } },
    { regexp: { 'custom.tag': { value: 'k.*', case_insensitive: true } } },
    { regexp: { 'custom.tag': { value: 'K1136', case_insensitive: true } } },
    { regexp: { 'custom.tag': '[\u212At]1136' } },
    { regexp: { 'user.name': { value: '\u212Arbtgt', case_insensitive: true } } },
    { wildcard: { 'user.name': { value: '\u212Arbtg?', case_insensitive: true } } },
    { wildcard: { 'custom.tag': { value: 'k*', case_insensitive: true } } },
    { wildcard: { 'custom.tag': { value: '\u212A*', case_insensitive: true } } },
    { prefix: { 'custom.tag': { value: 'k', case_insensitive: true } } },
    { term: { 'custom.tag': { value: 'k1136', case_insensitive: true } } },
    { term: { 'user.name': { value: 'JOSÉ', case_insensitive: true } } },
    { term: { 'user.name': { value: 'JOSé', case_insensitive: true } } },
    { wildcard: { 'user.name': { value: 'JOS?', case_insensitive: true } } },
    { wildcard: { 'user.name': { value: 'JOSÉ*', case_insensitive: true } } },
    { prefix: { 'user.name': { value: 'JOSÉ', case_insensitive: true } } },
    { regexp: { 'user.name': { value: 'JOSÉ', case_insensitive: true } } },
    { term: { message: { value: 'JOSÉ', case_insensitive: true } } },
    { term: { message: { value: 'JOSé', case_insensitive: true } } },
    { term: { message: 'istanbul' } },
    { term: { message: 'οδοσ' } },
    { term: { message: 'οδος' } },
    { match: { message: 'İSTANBUL' } },
    { match_phrase: { message: 'İstanbul office' } },
    { match: { message: 'ΟΔΟΣ' } },
    { query_string: { query: 'message:İSTAN*' } },
    { query_string: { query: 'message:İstanbu~' } },
    { query_string: { query: 'message:/İstanbul/' } },
    { query_string: { query: 'message:[İ TO j]' } },
    { regexp: { 'user.name': 'backdoor[\\]$]' } },
    { regexp: { 'user.name': '[a-z\\]]+' } },
  );
  return out;
}

/** The hand-written corpus. */
export function handWrittenQueries(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (query: string): void => {
    out.push({ query });
  };
  for (const [field, values] of KEYWORD_VALUES) {
    for (const v of values) {
      q(`${field}:${escapeTerm(v)}`);
      q(`${field}:"${v.replace(/[\\"]/g, '\\$&')}"`);
      q(`NOT ${field}:${escapeTerm(v)}`);
    }
    const [a, b] = values;
    if (b !== undefined) {
      q(`${field}:(${escapeTerm(a!)} OR ${escapeTerm(b)})`);
      q(`${field}:(${escapeTerm(a!)} ${escapeTerm(b)})`);
      q(`${field}:${escapeTerm(a!)} OR ${field}:${escapeTerm(b)}`);
    }
    q(`${field}:*`);
    q(`_exists_:${field}`);
    q(`${field}:[a TO z]`);
  }
  for (const [field, values] of PATTERNS) for (const p of values) q(`${field}:${p}`);
  for (const [field, values] of REGEXPS) for (const r of values) q(`${field}:/${r.replace(/\//g, '\\/')}/`);
  for (const [field, values] of TEXT_VALUES) {
    for (const v of values) {
      q(`${field}:${escapeTerm(v)}`);
      q(`${field}:"${v}"`);
      if (v.includes(' ')) q(`${field}:(${v})`);
      else q(`${field}:${escapeTerm(v.slice(0, 4))}*`);
    }
    q(`_exists_:${field}`);
  }
  for (const [field, values] of [...IP_VALUES, ...NUMBER_VALUES, ...DATE_VALUES, ...BOOLEAN_VALUES]) {
    for (const v of values) {
      q(`${field}:${v}`);
      if (/^[\w."]/.test(v) && !v.includes('*')) q(`NOT ${field}:${v}`);
    }
  }
  for (const f of EXISTS) q(`_exists_:${f}`);
  q('user.\\*:root');
  q('user.*:root');
  q('process.\\*:cmd.exe');
  q('\\*.name:root');
  q('*.name:root');
  q('user.\\*:(root OR admin)');
  for (const f of FIELDLESS) q(f);
  for (const e of EDGE_SHAPES) q(e);
  for (const e of SYNTAX_PROBES) q(e);
  for (const s of BOOLEAN_SHAPES) q(s);
  for (const clause of dslClauses()) out.push({ filter: [clause] });
  out.push(
    { query: 'event.category:authentication', filter: [{ term: { 'event.outcome': 'failure' } }] },
    { query: 'process.name:sshd', filter: [{ range: { 'source.port': { gte: 1024 } } }, { exists: { field: 'user.name' } }] },
    { query: 'NOT tags:windows', filter: [{ query: { query_string: { query: 'event.outcome:failure' } } }] },
  );
  return out;
}

/** The atoms the random part combines: a sample of the tables above. */
export function randomAtoms(): string[] {
  const atoms: string[] = [];
  for (const [field, values] of KEYWORD_VALUES) for (const v of values.slice(0, 2)) atoms.push(`${field}:${escapeTerm(v)}`);
  for (const [field, values] of PATTERNS) atoms.push(`${field}:${values[0]}`);
  for (const [field, values] of TEXT_VALUES) atoms.push(`${field}:${escapeTerm(values[0]!)}`, `${field}:"${values[3] ?? values[0]}"`);
  for (const [field, values] of [...IP_VALUES, ...NUMBER_VALUES, ...DATE_VALUES, ...BOOLEAN_VALUES]) atoms.push(`${field}:${values[0]}`, `${field}:${values[1] ?? values[0]}`);
  for (const f of EXISTS.slice(0, 12)) atoms.push(`_exists_:${f}`);
  atoms.push('root', 'failed', '4624', 'CORP', 'logs');
  return atoms;
}
