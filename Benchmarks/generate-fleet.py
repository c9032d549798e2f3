#!/usr/bin/env python3
"""Writes N instance settings files into a folder: a fleet for `audit` to chew on.

A third are left ready for production; the rest each break one to three of the
rules (every rule is broken somewhere: missing read:me, callback mismatch, not sharing,
malformed Client ID, a file others may read, ...),
a few are development instances, a few carry unknown keys, and about 1 in 200 is
not usable at all (a wrong type, a newer schemaVersion, or cut short: those are
named *-truncated.json). Files go into
sub-folders of 1,000, as a real fleet export would, with mode 0600.

The same N and seed always give the same files, so runs can be compared.

    generate-fleet.py N FOLDER [--seed S]
"""
import json
import os
import random
import sys


def ready(i):
    host = f"clerk.tenant{i}.example.com"
    return {
        "schemaVersion": 1,
        "instance": {
            "name": f"tenant{i}-prod",
            "environment": "production",
            "redirectUri": f"https://{host}/v1/oauth_callback",
        },
        "connection": {
            "enabled": True,
            "signUpAndSignIn": True,
            "useCustomCredentials": True,
            "clientId": f"{i:08d}aB3dE5gH7jK9mN1pQ3sT5vWx",
            "clientSecret": f"bench-secret-{i:020d}-xyzw",
            "scopes": ["read:jira-work"],
        },
        "atlassianApp": {
            "name": f"Tenant {i} sign-in",
            "description": "Sign in with your Atlassian account.",
            "logo": f"https://tenant{i}.example.com/logo.png",
            "scopes": ["read:me", "read:jira-work"],
            "callbackUrls": [f"https://{host}/v1/oauth_callback"],
            "distribution": {
                "status": "sharing",
                "vendorName": f"Tenant {i} Inc.",
                "privacyPolicyUrl": f"https://tenant{i}.example.com/privacy",
                "termsUrl": f"https://tenant{i}.example.com/terms",
                "contactUrl": f"https://tenant{i}.example.com/support",
                "storesPersonalData": True,
            },
        },
    }


# Each breaks one rule (or a few) of the rule table.
def no_read_me(d): d["atlassianApp"]["scopes"] = ["read:jira-work"]
def first_callback(d): return (d["atlassianApp"]["callbackUrls"] or ["https://clerk.example.com/v1/oauth_callback"])[0]
def callback_mismatch(d): d["atlassianApp"]["callbackUrls"] = [first_callback(d) + "/"]
def callback_http(d): d["atlassianApp"]["callbackUrls"].append("http://localhost:3000/v1/oauth_callback")
def not_sharing(d): d["atlassianApp"]["distribution"]["status"] = "not_sharing"
def no_vendor(d): del d["atlassianApp"]["distribution"]["vendorName"]
def bad_privacy(d): d["atlassianApp"]["distribution"]["privacyPolicyUrl"] = "example.com/privacy"
def no_terms(d): del d["atlassianApp"]["distribution"]["termsUrl"]
def personal_data(d): d["atlassianApp"]["distribution"]["storesPersonalData"] = False
def no_secret(d): del d["connection"]["clientSecret"]
def short_id(d): d["connection"]["clientId"] = d["connection"].get("clientId", "x" * 32)[:31]
def shared_creds(d): d["connection"]["useCustomCredentials"] = False
def typo_scope(d): d["atlassianApp"]["scopes"].append("read:jira-wrok")
def scope_not_enabled(d): d["connection"]["scopes"].append("write:jira-work")  # offline_access is only requested: no rule
def link_only(d): d["connection"]["signUpAndSignIn"] = False
def disabled(d): d["connection"]["enabled"] = False
def no_redirect(d): del d["instance"]["redirectUri"]
def bad_redirect(d): d["instance"]["redirectUri"] = first_callback(d).replace("/v1/oauth_callback", "/callback")
def no_name(d): d["atlassianApp"]["name"] = ""
def no_logo(d): del d["atlassianApp"]["logo"]
def development(d): d["instance"]["environment"] = "development"
def unknown_keys(d): d["notes"] = {"owner": "platform team", "ticket": 4711, "tags": ["eu", "pilot"]}
def no_environment(d): d["instance"]["environment"] = "staging"
def no_description(d): d["atlassianApp"]["description"] = ""
def bad_scope(d): d["connection"]["scopes"].append("read:jira work")
def no_callbacks(d): d["atlassianApp"]["callbackUrls"] = []
def no_client_id(d): del d["connection"]["clientId"]
def spaced_id(d): d["connection"]["clientId"] = " " + d["connection"].get("clientId", "x")
def secret_is_id(d): d["connection"]["clientSecret"] = d["connection"].get("clientId", "x" * 32)
def no_privacy(d): del d["atlassianApp"]["distribution"]["privacyPolicyUrl"]
def bad_terms(d): d["atlassianApp"]["distribution"]["termsUrl"] = "terms"
def bad_contact(d): d["atlassianApp"]["distribution"]["contactUrl"] = "support at example"

BREAKS = [no_read_me, callback_mismatch, callback_http, not_sharing, no_vendor, bad_privacy,
          no_terms, personal_data, no_secret, short_id, shared_creds, typo_scope,
          scope_not_enabled, link_only, disabled, no_redirect, bad_redirect, no_name,
          no_logo, development, unknown_keys, no_environment, no_description, bad_scope, no_callbacks,
          no_client_id, spaced_id, secret_is_id, no_privacy, bad_terms, bad_contact]


def unusable(i, rng):
    """The text of a file `audit` cannot use, and whether it is not even JSON."""
    kind = rng.randrange(3)
    if kind == 0:
        return json.dumps(ready(i), indent=2)[:-40] + "\n", True  # cut short: file/invalid-json
    d = ready(i)
    if kind == 1:
        d["connection"]["enabled"] = "yes"  # file/schema
    else:
        d["schemaVersion"] = 2  # file/unsupported-version
    return json.dumps(d, indent=2) + "\n", False


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        at = args.index("--seed")
        seed = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    n, folder = int(args[0]), args[1]
    rng = random.Random(seed)
    for i in range(n):
        sub = os.path.join(folder, f"batch-{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        roll = rng.random()
        truncated = False
        if roll < 0.005:
            text, truncated = unusable(i, rng)
        else:
            d = ready(i)
            if roll >= 0.34:
                for brk in rng.sample(BREAKS, rng.randint(1, 3)):
                    brk(d)
            text = json.dumps(d, indent=2) + "\n"
        # jq reads files as one stream and gives up on the rest of it at the first one
        # that is not JSON: the name lets the benchmark leave those few out of jq's run.
        path = os.path.join(sub, f"tenant-{i:06d}{'-truncated' if truncated else ''}.json")
        # Now and then a file others may read (credentials/file-readable-by-others).
        mode = 0o644 if i % 97 == 0 else 0o600
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(path, mode)


if __name__ == "__main__":
    main()
