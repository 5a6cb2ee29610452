; Cohort Desk NSIS uninstaller additions (issue 21): no cached patient or cohort data stays behind.
; Runs as the user who uninstalls (per-machine install, elevated). An update also runs the old
; uninstaller, with ${isUpdated} set: then the cache is kept. Other users' caches: see
; docs/hospital-it.md ("Purge") for the admin command or the CachePurgeRequest policy.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    SetShellVarContext current
    RMDir /r "$APPDATA\Cohort Desk\vault"
    RMDir /r "$LOCALAPPDATA\Cohort Desk\vault"
    Delete "$APPDATA\Cohort Desk\cohorts.json"
    Delete "$LOCALAPPDATA\Cohort Desk\cohorts.json"
    Delete "$APPDATA\Cohort Desk\search-recent.json"
    Delete "$LOCALAPPDATA\Cohort Desk\search-recent.json"
    SetShellVarContext all
  ${endIf}
!macroend
