/** `alertsmith-incident --help`. */
export const USAGE = `alertsmith-incident: opens Cortex XSOAR incidents from ElastAlert matches (JSON on stdin)

Usage:
  alertsmith-incident --rule=ID --type=TYPE [mapping flags] [--dry-run] < matches.json
  alertsmith-incident replay           deliver the incidents waiting in the spool
  alertsmith-incident status           count pending, rejected and delivered incidents
  alertsmith-incident test-connection  check the URL, TLS and API key against XSOAR
  alertsmith-incident prune [--older-than 7d] [--rejected-older-than 30d]
                                       forget delivered keys older than that (keep it
                                       longer than ElastAlert's alert_time_limit), and
                                       remove rejected/ files older than the second age

Mapping flags (written by \`alertsmith build\`; --flag=value or --flag value):
  --rule ID  --name TEMPLATE  --type TYPE  --severity N|NAME  --details TEMPLATE
  --labels a.b,c  --custom-field key=TEMPLATE  --playbook ID  --owner NAME
  --create-investigation  --timestamp-field PATH  --incident-per match|alert

Options:
  --dry-run          print the incident bodies as JSON, send and store nothing
  --config FILE      JSON config file (mode 600: it may hold the key)
  --state-dir DIR    state folder (env ALERTSMITH_STATE_DIR)
  --deadline-ms N    total time allowed, default 20000 (env ALERTSMITH_DEADLINE_MS)
  -h, --help         this text
  -v, --version      the version

Connection (environment, as demisto-py): DEMISTO_BASE_URL, DEMISTO_API_KEY, DEMISTO_API_KEY_ID,
DEMISTO_VERIFY_SSL, SSL_CERT_FILE, HTTPS_PROXY, NO_PROXY; ALERTSMITH_XSOAR_AUTH=advanced.
The API key is never a flag. Exit codes: 0 delivered, 2 usage/config, 3 pending, 4 rejected,
5 bad input, 6 connection check failed. Logs: JSON lines on stderr. See docs/runtime.md.
`;
