/**
 * What the importer knows of ElastAlert's rule options beyond those a definition holds: the
 * ones that change what a rule fires on and that alertsmith has no equivalent for (a rule using
 * one is not imported), and the ones read for the incident (the `xsoar` block replaces every
 * alerter; any other option is dropped with a note naming it).
 */

/** Options that change which documents are searched, when, or what fires: no equivalent in a definition. */
export const UNSUPPORTED_DETECTION_OPTIONS: Record<string, string> = {
  es_host: 'the rule searches its own Elasticsearch cluster',
  es_hosts: 'the rule searches its own Elasticsearch cluster',
  es_port: 'the rule searches its own Elasticsearch cluster',
  es_url_prefix: 'the rule searches its own Elasticsearch cluster',
  es_username: 'the rule searches its own Elasticsearch cluster',
  es_password: 'the rule searches its own Elasticsearch cluster',
  es_api_key: 'the rule searches its own Elasticsearch cluster',
  use_ssl: 'the rule searches its own Elasticsearch cluster',
  use_strftime_index: 'a date-formatted index name',
  search_extra_index: 'extra indices searched',
  aggregation_key: 'aggregating per key',
  timestamp_type: 'a timestamp that is not ISO 8601',
  timestamp_format: 'a custom timestamp format',
  timestamp_format_expr: 'a custom timestamp expression',
  _source_enabled: 'searching without _source',
  scan_entire_timeframe: 'searching the whole timeframe on every run',
  run_every: 'a run interval of its own',
  exponential_realert: 'exponential realert',
  match_enhancements: 'match enhancement modules',
  run_enhancements_first: 'match enhancement modules',
  segment_size: 'its own search segment size',
  is_enabled: 'a disabled rule',
  limit_execution: 'a cron schedule of when the rule runs',
  max_query_size: 'its own search size',
  max_scrolling_count: 'its own scroll limit',
  scroll_keepalive: 'its own scroll keepalive',
  doc_type: 'a document type',
  terms_size: 'its own terms size',
  window_step_size: 'a new_term window step',
  use_keyword_postfix: 'new_term keyword postfix',
  allow_buffer_time_overlap: 'overlapping aggregation windows',
  use_run_every_query_size: 'aggregation over run_every',
  sync_bucket_interval: 'synchronised buckets',
  metric_agg_script: 'a metric script',
  query_timezone: 'a query time zone',
  filter_by_date: 'date filtering',
};

/** Alerters whose options share a prefix (`slack_webhook_url`, `jira_project`, ...). */
const ALERTER_PREFIXES = [
  'alert_', 'alerta_', 'alertmanager_', 'aws_', 'chatwork_', 'command', 'datadog_', 'dingtalk_', 'discord_',
  'email', 'exotel_', 'gelf_', 'gitter_', 'googlechat_', 'hipchat_', 'hive_', 'http_post', 'iris_', 'jira_',
  'lark_', 'line_', 'matrixhookshot_', 'mattermost_', 'ms_teams_', 'ms_power_automate_', 'opsgenie_',
  'pagerduty_', 'pagertree_', 'pipe_', 'rocket_chat_', 'servicenow_', 'ses_', 'slack_', 'smseagle_',
  'smtp_', 'sns_', 'sqs_', 'stomp_', 'stride_', 'telegram_', 'tencent_sms_', 'twilio_', 'victorops_',
  'webex_webhook_', 'workwechat_', 'yzj_', 'zbx_', 'flashduty_', 'indexer_',
];
const ALERTER_OPTIONS = new Set([
  'alert', 'fail_on_non_zero_exit', 'from_addr', 'reply_to', 'cc', 'bcc', 'notify_email', 'boto_profile',
  'profile', 'assets_dir', 'summary_table_fields', 'summary_prefix', 'summary_suffix', 'summary_table_type',
  'summary_table_max_rows', 'use_local_time', 'top_count_keys', 'top_count_number', 'raw_count_keys',
  'generate_kibana_link', 'use_kibana_dashboard', 'kibana_url', 'use_kibana4_dashboard', 'kibana4_start_timedelta',
  'kibana4_end_timedelta', 'generate_kibana_discover_url', 'shorten_kibana_discover_url', 'kibana_discover_app_url',
  'kibana_discover_version', 'kibana_discover_index_pattern_id', 'kibana_discover_columns',
  'kibana_discover_from_timedelta', 'kibana_discover_to_timedelta', 'metric_format_string',
  'percentage_format_string', 'include', 'include_match_in_root', 'category', 'priority',
]);

/** An alerter's option or a display option: what the XSOAR incident replaces. */
export function isAlerterOption(key: string): boolean {
  return ALERTER_OPTIONS.has(key) || ALERTER_PREFIXES.some((p) => key.startsWith(p));
}

/** Units Python's `timedelta(**mapping)` takes, and the letter a definition's duration text uses. */
export const TIMEDELTA_UNITS: Record<string, string> = {
  weeks: 'w',
  days: 'd',
  hours: 'h',
  minutes: 'm',
  seconds: 's',
  milliseconds: 'ms',
};
