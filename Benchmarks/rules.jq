# A subset of the readiness rules in jq, the peer `fleet-bench.py` times `audit`
# against: one line per file with its path and the codes of the blockers found.
def blank: . == null or (type == "string" and test("^\\s*$"));
def weburl: type == "string" and test("^https?://[^/?#\\s]+");
. as $root | {
  path: input_filename,
  blockers: [
    (if (.instance.environment | IN("development", "production")) then empty else "instance/environment-missing" end),
    (if (.instance.redirectUri | blank) then "instance/redirect-uri-missing"
     elif (.instance.redirectUri | test("^https://[^/?#\\s]+/(.*/)?v1/oauth_callback$") | not) then "instance/redirect-uri-invalid"
     else empty end),
    (if (.atlassianApp.name | blank) then "app/name-missing" else empty end),
    (if ((.atlassianApp.scopes // []) | index(["read:me"])) then empty else "permissions/read-me-missing" end),
    (if ((.atlassianApp.callbackUrls // []) | length) == 0 then "authorization/callback-missing"
     elif ((.atlassianApp.callbackUrls // []) | index([$root.instance.redirectUri])) then empty
     else "authorization/callback-mismatch" end),
    (if ((.atlassianApp.callbackUrls // []) | any(startswith("https://") | not)) then "authorization/callback-not-https" else empty end),
    (if .connection.useCustomCredentials == true then empty else "credentials/custom-credentials-off" end),
    (if (.connection.clientId | blank) then "credentials/client-id-missing" else empty end),
    (if (.connection.clientSecret | blank) then "credentials/client-secret-missing" else empty end),
    (if .atlassianApp.distribution.status == "sharing" then empty else "distribution/not-sharing" end),
    (if (.atlassianApp.distribution.vendorName | blank) then "distribution/vendor-missing" else empty end),
    (if (.atlassianApp.distribution.privacyPolicyUrl | blank) then "distribution/privacy-url-missing"
     elif (.atlassianApp.distribution.privacyPolicyUrl | weburl | not) then "distribution/privacy-url-invalid" else empty end),
    (if (.atlassianApp.distribution.termsUrl | blank) then "distribution/terms-url-missing" else empty end),
    (if .atlassianApp.distribution.storesPersonalData == true then empty else "distribution/personal-data-undeclared" end),
    (if .connection.enabled == true then empty else "connection/disabled" end)
  ]
}
