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
