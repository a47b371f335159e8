/**
 * Sentences several findings append to their detail, so the same situation reads the same
 * everywhere.
 */

/** The `lowered: 'autodiscover-only'` sentence: the fault is on an Autodiscover name only. */
export const AUTODISCOVER_ONLY = {
  de: 'Betroffen ist nur ein Name, über den Outlook seine Einstellungen sucht (Autodiscover), nicht der Exchange-Server selbst. Die laufende Verbindung stört das nicht, neue Outlook-Profile und geänderte Einstellungen aber schon.',
  en: 'Only a name Outlook uses to look up its settings (Autodiscover) is affected, not the Exchange server itself. The running connection is not disturbed, but new Outlook profiles and changed settings are.',
} as const;

/** The "hand the report to IT support" step, for findings the user cannot fix. */
export const HAND_TO_SUPPORT = {
  de: 'Geben Sie diesen Bericht an den IT-Support weiter.',
  en: 'Pass this report on to your IT support.',
} as const;

/** The "do not just confirm certificate warnings" step. */
export const DO_NOT_CONFIRM_CERT_WARNINGS = {
  de: 'Bestätigen Sie Zertifikatswarnungen nicht einfach mit „Ja“. Machen Sie ein Foto oder einen Screenshot der Warnung.',
  en: 'Do not simply click "Yes" on certificate warnings. Take a photo or a screenshot of the warning.',
} as const;

/**
 * The notes `zone-*` of the sign-in findings (`shared/diagnosis/zone-logon.ts`): the Internet zone
 * settings keep Windows from signing in to `{{zoneHost}}` with the Windows account by itself.
 * Zone and option names as Internet Options shows them.
 */
export const ZONE_LOGON_NOTES = {
  de: {
    'zone-internet':
      'In den Internetoptionen dieses Computers gehört {{zoneHost}} zur Zone „Internet“. Dort meldet Windows Sie nicht von selbst mit Ihrem Windows-Konto an (Kerberos/NTLM); Outlook fragt deshalb nach Benutzername und Kennwort.',
    'zone-restricted':
      'In den Internetoptionen dieses Computers gehört {{zoneHost}} zur Zone „Eingeschränkte Sites“. Dort meldet Windows Sie nie von selbst mit Ihrem Windows-Konto an (Kerberos/NTLM); Outlook fragt deshalb nach Benutzername und Kennwort.',
    'zone-trusted':
      'In den Internetoptionen dieses Computers gehört {{zoneHost}} zur Zone „Vertrauenswürdige Sites“, und dort steht die Anmeldung auf „Automatische Anmeldung nur in der Intranetzone“. Windows meldet Sie deshalb nicht von selbst mit Ihrem Windows-Konto an; Outlook fragt nach Benutzername und Kennwort.',
    'zone-logon-prompt':
      'Für die Zone, zu der {{zoneHost}} gehört, steht die Anmeldung in den Internetoptionen auf „Nach Benutzername und Kennwort fragen“. Windows meldet Sie dort nicht von selbst mit Ihrem Windows-Konto an; Outlook fragt nach dem Kennwort.',
    'zone-logon-anonymous':
      'Für die Zone, zu der {{zoneHost}} gehört, steht die Anmeldung in den Internetoptionen auf „Anonyme Anmeldung“. Windows gibt Ihr Windows-Konto dort nicht weiter; die Windows-Anmeldung (Kerberos/NTLM) scheitert.',
  },
  en: {
    'zone-internet':
      'In this computer\'s Internet Options {{zoneHost}} belongs to the "Internet" zone. There Windows does not sign you in with your Windows account by itself (Kerberos/NTLM); Outlook therefore asks for user name and password.',
    'zone-restricted':
      'In this computer\'s Internet Options {{zoneHost}} belongs to the "Restricted sites" zone. There Windows never signs you in with your Windows account by itself (Kerberos/NTLM); Outlook therefore asks for user name and password.',
    'zone-trusted':
      'In this computer\'s Internet Options {{zoneHost}} belongs to the "Trusted sites" zone, and its logon setting is "Automatic logon only in Intranet zone". Windows therefore does not sign you in with your Windows account by itself; Outlook asks for user name and password.',
    'zone-logon-prompt':
      'For the zone {{zoneHost}} belongs to, the logon setting in Internet Options is "Prompt for user name and password". Windows does not sign you in with your Windows account by itself there; Outlook asks for the password.',
    'zone-logon-anonymous':
      'For the zone {{zoneHost}} belongs to, the logon setting in Internet Options is "Anonymous logon". Windows does not pass on your Windows account there; the Windows sign-in (Kerberos/NTLM) fails.',
  },
} as const;

/** The admin step that goes with the zone notes. */
export const ZONE_LOGON_ADMIN = {
  de: 'Internetzonen: Für die Windows-Anmeldung ohne Rückfrage gehören die Exchange- und Autodiscover-Namen in die Zone „Lokales Intranet“ (GPO „Liste der Site-zu-Zonen-Zuweisungen“, Wert 1), deren Anmeldung auf „Automatische Anmeldung nur in der Intranetzone“ steht. Prüfen: `reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains" /s`, Zonen-Einstellung 1A00 unter `…\\Internet Settings\\Zones\\<Zone>`, `gpresult /h bericht.html`.',
  en: 'Internet zones: for the Windows sign-in without a prompt the Exchange and Autodiscover names belong in the "Local intranet" zone (GPO "Site to Zone Assignment List", value 1), whose logon setting is "Automatic logon only in Intranet zone". Check: `reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains" /s`, zone setting 1A00 under `…\\Internet Settings\\Zones\\<zone>`, `gpresult /h report.html`.',
} as const;
