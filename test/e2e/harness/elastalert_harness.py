"""Runs generated rules through a real ElastAlert's own code, with no Elasticsearch.

Works with both lines (run it with the Python that has the line installed):
  load  --config CFG RULE...            load every rule with the rules loader's load_configuration
                                        (schema, rule type, alerter options) and describe it
  fire  --config CFG --rule RULE --events EVENTS.json
                                        feed events through the rule's own rule type and alert the
                                        matches with the rule's own alerters

`fire` exists because Yelp ElastAlert 0.2.4's `elastalert-test-rule --data` is broken on Python 3.
It follows ElastAlerter.run_rule and send_alert of that version: hits go through process_hits
(timestamps become datetimes, _id/_index folded in), the rule type's add_data, `num_hits` and
`num_matches` are added, realert silences repeated query keys within the run, aggregated rules
alert all matches at once, an EAException from an alerter is a failed alert (what the writeback
index would record), and any other exception escapes send_alert: ElastAlert's
handle_uncaught_exception would disable the rule (disable_rules_on_error).

The result is written as JSON to --result (stdout belongs to the alert commands, whose output
ElastAlert does not capture either).
"""
import argparse
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
    rule['type'].add_data(ElastAlerter.process_hits(rule, hits))

    matches = list(rule['type'].matches)
    del rule['type'].matches[:]
    for match in matches:
        match['num_hits'] = len(hits)
        match['num_matches'] = len(matches)

    silenced, kept = set(), []
    for match in matches:
        key = lookup_es_key(match, rule['query_key']) if 'query_key' in rule else None
        silence_key = rule['name'] if key is None else '%s.%s' % (rule['name'], key)
        if rule.get('realert') and silence_key in silenced:
            continue
        silenced.add(silence_key)
        kept.append(match)
    groups = [kept] if rule.get('aggregation') and kept else [[match] for match in kept]

    alerts, uncaught = [], None
    try:
        for group in groups:
            sent, exception = False, None
            pipeline = {'alert_time': ts_now()}
            for alerter in rule['alert']:
                alerter.pipeline = pipeline
                try:
                    alerter.alert(group)
                except EAException as error:
                    exception = str(error)
                else:
                    sent = True
            alerts.append({'matches': len(group), 'alert_sent': sent, 'alert_exception': exception,
                           'alert_info': rule['alert'][0].get_info()})
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
    args = parser.parse_args()
    result = load(args) if args.command == 'load' else fire(args)
    with open(args.result, 'w', encoding='utf-8') as out:
        json.dump(result, out, default=str, ensure_ascii=False)


if __name__ == '__main__':
    sys.exit(main())
