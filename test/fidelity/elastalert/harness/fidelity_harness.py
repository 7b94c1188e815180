"""Runs rules through a real ElastAlert line's own scheduler code, with only the clock and
Elasticsearch faked, for the rule-type fidelity suite (test/fidelity/elastalert/).

Run it with the Python that has the line installed. It reads cases from stdin, one JSON object a
line, and writes one JSON result a line to stdout, so one process serves a whole run:

  in:  {"id", "rule_yaml", "index", "timestamp_field", "events": [...], "history": [...],
        "load_at": ISO, "run_ends": [ISO...], "flush_at": ISO}
  out: {"id", "alerts": [{"at": ISO, "matches": [...]}], "disabled": bool, "uncaught": str|null, "load_error": str|null}

For each case: the clock is set to `load_at` and the rule file is loaded with the rules loader's
load_configuration (new_term learns its terms here, from the fake index), then ElastAlerter's
init_rule; then, for each run end, the clock is set to it and ElastAlerter.handle_rule_execution
runs the rule (run_rule: query, add_data, garbage_collect, realert, aggregation), followed by
send_pending_alerts (the daemon's pending-alert job). At `flush_at` pending alerts are sent once
more, so an aggregation still open at the end is delivered. The rule's alerters are replaced by
one that records the matches it is given and the clock. A rule ElastAlert disables
(handle_uncaught_exception) is reported with the exception. ALERTSMITH_FIDELITY_TIMING=1 writes
each case's time to stderr.

The fake Elasticsearch answers what these paths ask: the rule's searches over the case's events
(the time range, and the blacklist/whitelist query_string that init_rule's enhance_filter adds;
the rule's own filter is taken as matching every event: the suite only generates such cases),
terms aggregations (plain and nested, over `field` or `field.keyword`, arrays split into
elements as Elasticsearch indexes them), and the writeback index (index, search, delete) with a
small evaluator of the bool/term/range/exists/query_string queries ElastAlert sends there.
"""
import argparse
import copy
import datetime
import functools
import itertools
import json
import logging
import os
import re
import sys
import tempfile
import time

REAL_STDOUT = sys.stdout
sys.stdout = sys.stderr  # nothing ElastAlert prints may reach the result stream

import dateutil.parser  # noqa: E402
import dateutil.tz  # noqa: E402

CLOCK = [None]


def fake_now():
    return CLOCK[0]


def parse_time(text):
    dt = dateutil.parser.parse(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=dateutil.tz.tzutc())
    return dt


def es_millis(value):
    """A date as Elasticsearch compares it: epoch milliseconds (sub-millisecond digits dropped)."""
    if isinstance(value, datetime.datetime):
        return datetime_millis(value)
    return text_millis(str(value))


@functools.lru_cache(maxsize=None)
def text_millis(text):
    return datetime_millis(parse_time(text))


def datetime_millis(dt):
    delta = dt - datetime.datetime(1970, 1, 1, tzinfo=dateutil.tz.tzutc())
    return (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000


def doc_values(source, path):
    """The values Elasticsearch indexes for a field: nested objects, dotted keys and arrays (also of objects) flattened."""
    out = []

    def walk(node, rest):
        if isinstance(node, list):
            for item in node:
                walk(item, rest)
            return
        if not rest:
            if node is not None and not isinstance(node, dict):
                out.append(node)
            return
        if not isinstance(node, dict):
            return
        for i in range(len(rest), 0, -1):
            key = '.'.join(rest[:i])
            if key in node:
                walk(node[key], rest[i:])

    walk(source, path.split('.'))
    return out


def keyword_text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


class FakeIndices(object):
    def exists(self, *args, **kwargs):
        return True

    def get_mapping(self, *args, **kwargs):
        return {}

    def exists_alias(self, *args, **kwargs):
        return True


class FakeElasticsearch(object):
    """One per case: the case's events and the writeback index."""

    def __init__(self, events, history, timestamp_field, writeback_index):
        self.docs = list(history) + list(events)
        for d in self.docs:
            d['_ms'] = es_millis(first(doc_values(d['_source'], timestamp_field)))
        self.timestamp_field = timestamp_field
        self.writeback_index = writeback_index
        self.writeback = {}  # index -> list of (id, source)
        self.ids = itertools.count(1)
        self.indices = FakeIndices()
        self.es_version = '7.17.0'

    # --- what ElastAlert asks of a client -------------------------------------------------
    def info(self):
        return {'version': {'number': self.es_version}}

    def __getattr__(self, name):
        if name.startswith('is_atleast'):
            return lambda: True
        raise AttributeError(name)

    def resolve_writeback_index(self, writeback_index, doc_type):
        if doc_type == 'silence':
            return writeback_index + '_silence'
        if doc_type == 'past_elastalert':
            return writeback_index + '_past'
        if doc_type == 'elastalert_status':
            return writeback_index + '_status'
        if doc_type == 'elastalert_error':
            return writeback_index + '_error'
        return writeback_index

    def ping(self):
        return True

    def index(self, index, body, **kwargs):
        from elasticsearch.serializer import JSONSerializer
        _id = 'wb-%d' % next(self.ids)
        self.writeback.setdefault(index, []).append((_id, json.loads(JSONSerializer().dumps(body))))
        return {'_id': _id, 'result': 'created'}

    def delete(self, index, id, **kwargs):
        self.writeback[index] = [d for d in self.writeback.get(index, []) if d[0] != id]
        return {'result': 'deleted'}

    def delete_by_query(self, index, body, **kwargs):
        docs = self.writeback.get(index, [])
        self.writeback[index] = [d for d in docs if not matches_query(body.get('query'), d[0], d[1])]
        return {'deleted': len(docs) - len(self.writeback[index])}

    def count(self, index=None, body=None, **kwargs):
        return {'count': len(self.search_events(body))}

    def clear_scroll(self, *args, **kwargs):
        return {}

    def search(self, index=None, body=None, size=None, **kwargs):
        body = body or {}
        if isinstance(index, str) and index.startswith(self.writeback_index):
            return self.search_writeback(index, body, size)
        if 'aggs' in body:
            return self.terms_aggregation(body)
        hits = self.search_events(body)
        if size is not None:
            hits = hits[:size]
        return {'hits': {'total': {'value': len(hits)}, 'hits': [
            {'_id': h['_id'], '_index': h['_index'], '_type': '_doc', '_source': copy.deepcopy(h['_source'])} for h in hits]}}

    deprecated_search = search

    # --- the case's events ----------------------------------------------------------------
    def search_events(self, body):
        query = body.get('query', {})
        filters = query.get('bool', {}).get('filter', {}).get('bool', {}).get('must', [])
        out = [d for d in self.docs if all(self.event_filter(f, d) for f in filters)]
        # Sorted by time like the query's sort; ties keep the order the events were indexed in.
        out.sort(key=lambda d: d['_ms'])
        return out

    def event_filter(self, clause, doc):
        source = doc['_source']
        if 'query' in clause and len(clause) == 1:
            clause = clause['query']
        if 'range' in clause:
            field, bounds = next(iter(clause['range'].items()))
            if field == self.timestamp_field:
                return in_range(doc['_ms'], bounds, es_millis)
            return any(in_range(es_millis(v), bounds, es_millis) for v in doc_values(source, field))
        if 'query_string' in clause:
            return list_filter(clause['query_string']['query'], source)
        return True  # the rule's own filter: every generated event matches it

    def terms_aggregation(self, body):
        agg = body['aggs']['filtered']
        bounds = agg['filter']['bool']['must'][0]['range'][self.timestamp_field]
        docs = [d['_source'] for d in self.docs if in_range(d['_ms'], bounds, es_millis)]
        return {'aggregations': {'filtered': {'doc_count': len(docs), 'values': buckets(agg['aggs']['values'], docs)}}}

    # --- the writeback index --------------------------------------------------------------
    def search_writeback(self, index, body, size):
        docs = [d for d in self.writeback.get(index, []) if matches_query(body.get('query'), d[0], d[1])]
        sort = body.get('sort')
        if sort:
            field, order = next(iter(sort.items())) if isinstance(sort, dict) else next(iter(sort[0].items()))
            desc = (order.get('order') if isinstance(order, dict) else order) == 'desc'
            docs.sort(key=lambda d: es_millis(d[1][field]) if d[1].get(field) is not None else 0, reverse=desc)
        if size is not None:
            docs = docs[:size]
        return {'hits': {'total': {'value': len(docs)}, 'hits': [{'_id': i, '_index': index, '_source': copy.deepcopy(s)} for i, s in docs]}}


def first(values):
    return values[0] if values else '1970-01-01T00:00:00Z'


def in_range(value, bounds, convert):
    for op, limit in bounds.items():
        if op in ('format', 'time_zone'):
            continue
        lim = convert(limit)
        if op == 'gt' and not value > lim:
            return False
        if op in ('gte', 'from') and not value >= lim:
            return False
        if op == 'lt' and not value < lim:
            return False
        if op in ('lte', 'to') and not value <= lim:
            return False
    return True


LIST_TERM = re.compile(r'^(NOT )?([^:\s]+):"((?:[^"\\]|\\.)*)"$')


def list_filter(query, source):
    """The query_string enhance_filter adds for blacklist (`k:"a" OR k:"b"`) and whitelist
    (`NOT k:"a" AND NOT k:"b"`), on a keyword field: an array matches when any element does."""
    negated = query.startswith('NOT ')
    parts = query.split(' AND ') if negated else query.split(' OR ')
    hits = []
    for part in parts:
        m = LIST_TERM.match(part)
        if not m:
            raise ValueError('fake Elasticsearch cannot evaluate query_string %r' % query)
        field, term = m.group(2), m.group(3)
        hits.append(any(keyword_text(v) == term for v in doc_values(source, field)))
    return not any(hits) if negated else any(hits)


def buckets(values_agg, docs):
    """A terms aggregation (with nested `values` terms aggregations) over keyword values."""
    field = values_agg['terms']['field']
    groups = {}
    for doc in docs:
        vals = doc_values(doc, field)
        if not vals and field.endswith('.keyword'):
            vals = doc_values(doc, field[:-len('.keyword')])
        for v in dict.fromkeys(keyword_text(v) for v in vals):
            groups.setdefault(v, []).append(doc)
    out = []
    for key, group in groups.items():
        bucket = {'key': key, 'doc_count': len(group)}
        if 'aggs' in values_agg:
            bucket['values'] = buckets(values_agg['aggs']['values'], group)
        out.append(bucket)
    return {'doc_count_error_upper_bound': 0, 'sum_other_doc_count': 0, 'buckets': out}


def matches_query(query, _id, source):
    if query is None:
        return True
    if 'bool' in query:
        b = query['bool']
        for key in ('must', 'filter'):
            for clause in as_list(b.get(key)):
                if not matches_query(clause, _id, source):
                    return False
        for clause in as_list(b.get('must_not')):
            if matches_query(clause, _id, source):
                return False
        return True
    if 'term' in query:
        field, value = next(iter(query['term'].items()))
        if isinstance(value, dict):
            value = value.get('value')
        if field == '_id':
            return _id == value
        return any(keyword_text(v) == keyword_text(value) for v in doc_values(source, field))
    if 'range' in query:
        field, bounds = next(iter(query['range'].items()))
        return any(in_range(es_millis(v), bounds, es_millis) for v in doc_values(source, field))
    if 'exists' in query:
        return bool(doc_values(source, query['exists']['field']))
    if 'query_string' in query:
        return writeback_query_string(query['query_string']['query'], source)
    if 'match_all' in query:
        return True
    raise ValueError('fake Elasticsearch cannot evaluate %r' % query)


def writeback_query_string(text, source):
    for part in text.split(' AND '):
        part = part.strip()
        if part.startswith('!_exists_:'):
            if doc_values(source, part[len('!_exists_:'):]):
                return False
            continue
        field, _, value = part.partition(':')
        value = value.strip('"')
        if not any(keyword_text(v) == value for v in doc_values(source, field)):
            return False
    return True


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


class CapturingAlerter(object):
    """Stands in for the rule's alerters: records what send_alert gives them, and when."""

    def __init__(self, sink):
        self.sink = sink
        self.pipeline = None

    def alert(self, matches):
        from elasticsearch.serializer import JSONSerializer
        self.sink.append({'at': CLOCK[0].isoformat(), 'matches': json.loads(JSONSerializer().dumps(matches))})

    def get_info(self):
        return {'type': 'capture'}


def install_fakes(state):
    """Replaces the clock and the Elasticsearch client wherever ElastAlert imported them."""
    for name, module in list(sys.modules.items()):
        if not name.startswith('elastalert') or module is None:
            continue
        if hasattr(module, 'ts_now'):
            module.ts_now = fake_now
        if hasattr(module, 'elasticsearch_client'):
            module.elasticsearch_client = lambda conf: state['es']


def write_config(folder):
    rules = os.path.join(folder, 'rules')
    os.makedirs(rules, exist_ok=True)
    path = os.path.join(folder, 'config.yaml')
    with open(path, 'w') as f:
        f.write('rules_folder: %s\nrun_every:\n  minutes: 1\nbuffer_time:\n  minutes: 45\n'
                'es_host: 127.0.0.1\nes_port: 9\nwriteback_index: elastalert_status\n'
                'alert_time_limit:\n  days: 2\n' % rules)
    return path, rules


def run_case(ea, state, case, folder):
    from elastalert import ruletypes
    from apscheduler.schedulers.background import BackgroundScheduler

    result = {'id': case['id'], 'alerts': [], 'disabled': False, 'uncaught': None, 'load_error': None}
    rule_path = os.path.join(folder, 'case.yaml')
    with open(rule_path, 'w', encoding='utf-8') as f:
        f.write(case['rule_yaml'])
    events = [hit_of(e, i, 'event', case['index']) for i, e in enumerate(case['events'])]
    history = [hit_of(e, i, 'history', case['index']) for i, e in enumerate(case.get('history', []))]
    state['es'] = FakeElasticsearch(events, history, case.get('timestamp_field', '@timestamp'), ea.writeback_index)
    ea.writeback_es = state['es']
    ea.es_clients = {}
    ea.silence_cache = {}
    ea.disabled_rules = []
    ea.scheduler = BackgroundScheduler()
    # ChangeRule keeps these as class attributes, shared by every change rule of a process:
    # a fresh process per rule is what one rule in a real daemon sees.
    ruletypes.ChangeRule.change_map = {}
    ruletypes.ChangeRule.occurrence_time = {}

    CLOCK[0] = parse_time(case['load_at'])
    try:
        rule = ea.conf['rules_loader'].load_configuration(rule_path, ea.conf)
        rule = ea.init_rule(rule)
    except Exception as error:
        result['load_error'] = '%s: %s' % (type(error).__name__, error)
        return result
    rule['alert'] = [CapturingAlerter(result['alerts'])]
    ea.rules = [rule]

    def uncaught(exception, rule):
        result['uncaught'] = '%s: %s' % (type(exception).__name__, exception)
        original_uncaught(exception, rule)

    original_uncaught = type(ea).handle_uncaught_exception.__get__(ea)
    ea.handle_uncaught_exception = uncaught

    for end in case['run_ends']:
        CLOCK[0] = parse_time(end)
        if rule not in ea.rules:
            break
        ea.handle_rule_execution(rule)
        ea.send_pending_alerts()
    CLOCK[0] = parse_time(case['flush_at'])
    ea.send_pending_alerts()
    result['disabled'] = any(r is rule for r in ea.disabled_rules)
    return result


def hit_of(event, i, prefix, index):
    source = dict(event)
    return {'_id': source.pop('_id', '%s-%d' % (prefix, i + 1)), '_index': source.pop('_index', index), '_source': source}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    logging.disable(logging.CRITICAL)
    import elastalert.elastalert as ea_module
    import elastalert.ruletypes  # noqa: F401
    import elastalert.util  # noqa: F401

    state = {'es': None}
    folder = tempfile.mkdtemp(prefix='alertsmith-fidelity-')
    config, _ = write_config(folder)
    install_fakes(state)
    CLOCK[0] = parse_time('2026-01-01T00:00:00Z')
    state['es'] = FakeElasticsearch([], [], '@timestamp', 'elastalert_status')
    ea = ea_module.ElastAlerter(['--config', config])
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        began = time.time()
        try:
            result = run_case(ea, state, case, folder)
        except Exception as error:  # a harness failure, reported per case
            import traceback
            result = {'id': case.get('id'), 'harness_error': '%s: %s' % (type(error).__name__, error), 'trace': traceback.format_exc()}
        if os.environ.get('ALERTSMITH_FIDELITY_TIMING'):
            sys.stderr.write('%s %.3fs\n' % (case.get('id'), time.time() - began))
        REAL_STDOUT.write(json.dumps(result, default=str) + '\n')
        REAL_STDOUT.flush()


if __name__ == '__main__':
    sys.exit(main())
