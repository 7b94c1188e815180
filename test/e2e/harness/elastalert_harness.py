"""Runs generated rules through a real ElastAlert's own code, with no Elasticsearch.

Works with both lines (run it with the Python that has the line installed):
  load  --config CFG RULE...            load every rule with the rules loader's load_configuration
                                        (schema, rule type, alerter options) and describe it
  fire  --config CFG --rule RULE --events EVENTS.json
                                        feed events through the rule's own rule type and alert the
                                        matches with the rule's own alerters

`fire` exists because Yelp ElastAlert 0.2.4's `elastalert-test-rule --data` is broken on Python 3.
It follows ElastAlerter.run_rule and send_alert of that version: hits go through process_hits
(timestamps become datetimes, _id/_index folded in), the rule type's add_data and garbage_collect
at the end of the run, `num_hits` and `num_matches` are added, realert silences repeated query keys within the run, aggregated rules
alert all matches at once, an EAException from an alerter is a failed alert (what the writeback
index would record), and any other exception escapes send_alert: ElastAlert's
handle_uncaught_exception would disable the rule (disable_rules_on_error).

The result is written as JSON to --result (stdout belongs to the alert commands, whose output
ElastAlert does not capture either).
"""
import argparse
import datetime
import json
import sys
import traceback


def ea_args(config):
    # The attributes load_conf and configure_logging read on both lines.
    return argparse.Namespace(config=config, verbose=False, debug=False, es_debug=False, es_debug_trace=None)


def describe(rule):
    return {
        'file': rule.get('rule_file'),
        'name': rule['name'],
        'type': type(rule['type']).__name__,
        'alert': [type(alerter).__name__ for alerter in rule['alert']],
        'command': rule.get('command'),
        'filter': rule.get('filter'),
        'is_enabled': rule.get('is_enabled', True),
    }


def load(args):
    from elastalert.config import load_conf

    conf = load_conf(ea_args(args.config))
    loaded, errors = [], []
    for path in args.rules:
        try:
            loaded.append(describe(conf['rules_loader'].load_configuration(path, conf)))
        except Exception as error:  # every failure is reported, not only ElastAlert's own
            errors.append({'file': path, 'error': '%s: %s' % (type(error).__name__, error)})
    return {'rules': loaded, 'errors': errors}


def fire(args):
    from elastalert.config import load_conf
    from elastalert.elastalert import ElastAlerter
    from elastalert.util import EAException, lookup_es_key, ts_now

    conf = load_conf(ea_args(args.config))
    rule = conf['rules_loader'].load_configuration(args.rule, conf)
    with open(args.events, encoding='utf-8') as events_file:
        events = json.load(events_file)
    timestamp_field = rule['timestamp_field']
    events.sort(key=lambda event: lookup_es_key(event, timestamp_field))
    hits = [
        {'_id': event.pop('_id', 'event-%d' % index), '_index': event.pop('_index', rule['index']), '_source': event}
        for index, event in enumerate(events)
    ]
    processed = ElastAlerter.process_hits(rule, hits)
    # Taken before add_data, which turns the timestamps of matching events back into text.
    times = [lookup_es_key(event, timestamp_field) for event in processed]
    run_ends = plan_runs(times, args.run_every, args.until and rule['ts_to_dt'](args.until))

    matches, alerts, uncaught = [], [], None
    silenced = set()
    consumed = 0
    try:
        for run_end in run_ends:
            batch = []
            while consumed < len(processed) and times[consumed] < run_end:
                batch.append(processed[consumed])
                consumed += 1
            if batch:
                rule['type'].add_data(batch)
            # As run_rule does after each query: flatline decides here.
            rule['type'].garbage_collect(run_end)
            run_matches = list(rule['type'].matches)
            del rule['type'].matches[:]
            for match in run_matches:
                match['num_hits'] = len(batch)
                match['num_matches'] = len(run_matches)
            matches.extend(run_matches)
            for group in alert_groups(rule, run_matches, silenced, lookup_es_key):
                alerts.append(send_alert(rule, group, EAException, ts_now))
    except Exception as error:
        uncaught = '%s: %s' % (type(error).__name__, error)
        traceback.print_exc()
    return {
        'rule': describe(rule),
        'matches': matches,
        'alerts': alerts,
        'uncaught': uncaught,
        'disabled': uncaught is not None and bool(conf.get('disable_rules_on_error', True)),
    }


def plan_runs(times, run_every_seconds, until):
    """When each run ends. One run by default, ending a second after the last event (as ElastAlert
    2's test-rule does); with --run-every, successive runs like the daemon's, up to --until."""
    if not times:
        return []
    last = until if until is not None else times[-1] + datetime.timedelta(seconds=1)
    if not run_every_seconds:
        return [last]
    step = datetime.timedelta(seconds=run_every_seconds)
    ends, end = [], times[0] + step
    while end < last:
        ends.append(end)
        end += step
    ends.append(last)
    return ends


def alert_groups(rule, matches, silenced, lookup_es_key):
    """run_rule's choice of what to alert: realert silences a query key already alerted in this
    harness run, and an aggregated rule alerts all its matches at once."""
    kept = []
    for match in matches:
        key = lookup_es_key(match, rule['query_key']) if 'query_key' in rule else None
        silence_key = rule['name'] if key is None else '%s.%s' % (rule['name'], key)
        if rule.get('realert') and silence_key in silenced:
            continue
        silenced.add(silence_key)
        kept.append(match)
    if rule.get('aggregation'):
        return [kept] if kept else []
    return [[match] for match in kept]


def send_alert(rule, matches, EAException, ts_now):
    """send_alert's loop over the rule's alerters: an EAException is a failed alert."""
    sent, exception = False, None
    pipeline = {'alert_time': ts_now()}
    for alerter in rule['alert']:
        alerter.pipeline = pipeline
        try:
            alerter.alert(matches)
        except EAException as error:
            exception = str(error)
        else:
            sent = True
    return {'matches': len(matches), 'alert_sent': sent, 'alert_exception': exception,
            'alert_info': rule['alert'][0].get_info()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--result', required=True, help='file the JSON result is written to')
    commands = parser.add_subparsers(dest='command', required=True)
    load_parser = commands.add_parser('load')
    load_parser.add_argument('--config', required=True)
    load_parser.add_argument('rules', nargs='+')
    fire_parser = commands.add_parser('fire')
    fire_parser.add_argument('--config', required=True)
    fire_parser.add_argument('--rule', required=True)
    fire_parser.add_argument('--events', required=True)
    fire_parser.add_argument('--run-every', type=float, help='seconds between successive runs (default: one run)')
    fire_parser.add_argument('--until', help='ISO time the last run ends (default: a second after the last event)')
    args = parser.parse_args()
    result = load(args) if args.command == 'load' else fire(args)
    with open(args.result, 'w', encoding='utf-8') as out:
        json.dump(result, out, default=str, ensure_ascii=False)


if __name__ == '__main__':
    sys.exit(main())
