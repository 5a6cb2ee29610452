#!/bin/sh
# Cohort Desk package removal (issue 21): delete every local user's encrypted cache (patient data)
# and saved cohorts (and the plaintext files older versions kept them in). deb postrm gets "remove"/"purge" (not "upgrade"); rpm %postun gets 0 on erase
# and 1 on upgrade. A cache moved by the CacheLocation policy is not found here: purge it with the
# CachePurgeRequest policy before uninstalling (docs/hospital-it.md).
set -e
case "$1" in
  remove | purge | 0) ;;
  *) exit 0 ;;
esac
for home in /root /home/*; do
  for dir in "$home/.config/Cohort Desk" "$home/.config/cohort-desk"; do
    [ -d "$dir" ] || continue
    rm -rf "$dir/vault"
    rm -f "$dir/cohorts.json" "$dir/search-recent.json"
  done
done
exit 0
