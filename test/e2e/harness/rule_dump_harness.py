"""Loads rule files with a real ElastAlert line's own rules loader and dumps every key as JSON.

Run it with the Python that has the line installed:
  dump --config CFG --result OUT.json RULE...

Each rule goes through load_configuration (import: inheritance, schema, defaults, rule type,
alerters). Values are written so that two loads compare equal exactly when ElastAlert holds the
same value: timedeltas as seconds, the rule type and alerters as class names, `include` (built
from a set) sorted. new_term's get_all_terms, which asks Elasticsearch for the terms already seen
while the rule type is built, is replaced by a no-op: the suite compares configuration, not terms.
With --default-alert, a rule without `alert` (pySigma writes none, and ElastAlert's schema requires
one) gets that alerter, as a user deploying pySigma's output has to add one.
"""
import argparse
import datetime
import json


def ea_args(config):
    return argparse.Namespace(config=config, verbose=False, debug=False, es_debug=False, es_debug_trace=None)


def plain(value):
    if isinstance(value, datetime.timedelta):
        return {'timedelta_seconds': value.total_seconds()}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {'datetime': value.isoformat()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(value):
        return None
    return {'class': type(value).__name__}


def dump_rule(rule):
    out = {}
    for key, value in rule.items():
        if callable(value):
            continue
        if key == 'type':
            out[key] = type(value).__name__
        elif key == 'alert':
            out[key] = [type(a).__name__ for a in value]
        elif key == 'include':
            out[key] = sorted(value)
        else:
            out[key] = plain(value)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--result', required=True)
    commands = parser.add_subparsers(dest='command', required=True)
    dump = commands.add_parser('dump')
    dump.add_argument('--config', required=True)
    dump.add_argument('--default-alert', help='alerter for a rule with none (pySigma writes none; ElastAlert requires one)')
    dump.add_argument('rules', nargs='+')
    args = parser.parse_args()

    from elastalert import ruletypes
    from elastalert.config import load_conf

    ruletypes.NewTermsRule.get_all_terms = lambda self, args=None: None
    conf = load_conf(ea_args(args.config))
    if args.default_alert:
        loader = conf['rules_loader']
        load_yaml = loader.load_yaml

        def load_yaml_with_alert(filename):
            rule = load_yaml(filename)
            rule.setdefault('alert', args.default_alert)
            return rule

        loader.load_yaml = load_yaml_with_alert
    result = {}
    for path in args.rules:
        try:
            result[path] = {'rule': dump_rule(conf['rules_loader'].load_configuration(path, conf))}
        except Exception as error:  # every failure is reported, not only ElastAlert's own
            result[path] = {'error': '%s: %s' % (type(error).__name__, error)}
    with open(args.result, 'w') as out:
        json.dump(result, out, sort_keys=True)


if __name__ == '__main__':
    main()
