import type { SectionId } from '../model/sections';

/**
 * The manual checklist: what only the person at the computer can tell, per wizard section.
 *
 * Each question is a task ("Erledigt" ticks it off) and may offer answers; an answer can bring
 * its own advice, so the guidance follows what the user reports ("only this PC" points at cable
 * and dock, "the whole floor" at the network). Texts are for non-technical readers, German first.
 * Ids are stable: they key the answers in `checklist.json` of the diagnostic bundle.
 */
export interface LocalizedText {
  de: string;
  en: string;
}

export interface ChecklistChoice {
  id: string;
  label: LocalizedText;
  /** Guidance shown as soon as this answer is chosen. */
  advice?: LocalizedText;
  /** The answer narrows the cause down: IT support sees it in the summary's IT part. */
  notable?: boolean;
}

export interface ChecklistQuestion {
  id: string;
  /** The question or the task, one sentence. */
  text: LocalizedText;
  /** How to find out, or why it matters. */
  help?: LocalizedText;
  choices?: readonly ChecklistChoice[];
}

const YES = { de: 'Ja', en: 'Yes' };
const NO = { de: 'Nein', en: 'No' };
const UNKNOWN = { de: 'Weiß ich nicht', en: "I don't know" };

export const CHECKLIST: Record<SectionId, readonly ChecklistQuestion[]> = {
  physical: [
    {
      id: 'cable-seated',
      text: {
        de: 'Sitzt das Netzwerkkabel fest – am Computer und an der Dose in der Wand oder im Boden?',
        en: 'Is the network cable firmly plugged in, at the computer and at the socket in the wall or floor?',
      },
      help: {
        de: 'Ziehen Sie den Stecker einmal ab und stecken Sie ihn wieder ein, bis er hörbar einrastet. Bei WLAN ohne Kabel können Sie diesen Punkt abhaken.',
        en: 'Unplug it once and plug it back in until it clicks. If you only use Wi-Fi, tick this off.',
      },
    },
    {
      id: 'dock-seated',
      text: {
        de: 'Arbeiten Sie an einer Dockingstation? Dann nehmen Sie den Laptop kurz heraus und setzen Sie ihn wieder fest ein.',
        en: 'Do you use a docking station? Take the laptop out briefly and seat it firmly again.',
      },
      help: {
        de: 'Eine nicht ganz eingerastete Dockingstation ist eine häufige Ursache: Strom und Bildschirm gehen, das Netzwerk nicht.',
        en: 'A docking station that is not fully seated is a common cause: power and screen work, the network does not.',
      },
    },
    {
      id: 'through-phone',
      text: {
        de: 'Läuft das Netzwerkkabel über Ihr Telefon (vom Telefon weiter zum Computer)?',
        en: 'Does the network cable go through your desk phone (from the phone on to the computer)?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Stecken Sie das Kabel testweise direkt in die Dose in der Wand. Klappt es dann, liegt es am Telefon oder seinem Kabel – sagen Sie das dem IT-Support.',
            en: 'Plug the cable straight into the wall socket as a test. If it works then, the phone or its cable is the cause – tell IT support.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'wifi-and-cable',
      text: {
        de: 'Ist gleichzeitig zum Kabel auch WLAN eingeschaltet?',
        en: 'Is Wi-Fi switched on at the same time as the cable?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          advice: {
            de: 'Schalten Sie das WLAN testweise aus, damit der Computer nur das Kabel benutzt. Geht es dann gar nicht mehr, ist die Netzwerkdose vermutlich falsch eingerichtet – das kann nur der IT-Support ändern.',
            en: 'Switch Wi-Fi off as a test so the computer uses only the cable. If nothing works then, the network socket is probably set up wrongly – only IT support can change that.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'scope',
      text: {
        de: 'Haben Kolleginnen und Kollegen in Ihrer Nähe dasselbe Problem?',
        en: 'Do colleagues near you have the same problem?',
      },
      help: {
        de: 'Fragen Sie kurz nach. Die Antwort zeigt, ob es an Ihrem Computer, an der Etage oder am ganzen Standort liegt.',
        en: 'Ask around briefly. The answer shows whether it is your computer, the floor or the whole site.',
      },
      choices: [
        {
          id: 'this-pc',
          label: { de: 'Nur dieser PC', en: 'Only this PC' },
          notable: true,
          advice: {
            de: 'Das spricht für Kabel, Dockingstation, Netzwerkdose oder diesen Computer. Gehen Sie die Punkte oben durch und tauschen Sie, wenn möglich, das Kabel oder den Platz.',
            en: 'That points to the cable, docking station, network socket or this computer. Go through the points above and, if you can, swap the cable or the desk.',
          },
        },
        {
          id: 'floor',
          label: { de: 'Alle auf der Etage oder im Raum', en: 'Everyone on the floor or in the room' },
          notable: true,
          advice: {
            de: 'Dann liegt es sehr wahrscheinlich nicht an Ihrem Computer, sondern am Netzwerk der Etage. Melden Sie dem IT-Support „ganze Etage betroffen“ – das spart viel Suche.',
            en: 'Then it is very likely not your computer but the network of the floor. Tell IT support "whole floor affected" – it saves a lot of searching.',
          },
        },
        {
          id: 'site',
          label: { de: 'Der ganze Standort', en: 'The whole site' },
          notable: true,
          advice: {
            de: 'Dann ist wahrscheinlich die Leitung des Standorts oder ein zentrales System gestört. Melden Sie es sofort dem IT-Support; Versuche an Ihrem Computer helfen hier nicht weiter.',
            en: 'Then the site’s line or a central system is probably down. Tell IT support right away; trying things on your computer will not help.',
          },
        },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  'network-change': [
    {
      id: 'after-change',
      text: {
        de: 'Hat das Problem angefangen, nachdem Sie den Laptop aus der Dockingstation genommen oder vom Kabel ins WLAN (oder in ein anderes WLAN) gewechselt haben?',
        en: 'Did the problem start after you took the laptop out of its dock or moved from cable to Wi-Fi (or to another Wi-Fi)?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Beenden Sie Outlook und starten Sie es neu, sobald das neue Netz verbunden ist. Hilft das nicht, sagen Sie dem IT-Support, in welchem Netz es geht und in welchem nicht.',
            en: 'Quit Outlook and start it again once the new network is connected. If that does not help, tell IT support in which network it works and in which it does not.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'where',
      text: { de: 'Wo arbeiten Sie gerade?', en: 'Where are you working right now?' },
      choices: [
        { id: 'office', label: { de: 'Im Büro', en: 'In the office' } },
        {
          id: 'home',
          label: { de: 'Zu Hause', en: 'At home' },
          notable: true,
          advice: {
            de: 'Von zu Hause braucht Outlook je nach Firma ein VPN oder eine andere Serveradresse als im Büro. Prüfen Sie im Abschnitt „Verstecktes VPN“, ob das VPN verbunden ist.',
            en: 'From home, depending on the company, Outlook needs a VPN or another server address than in the office. Check under "Hidden VPN" whether the VPN is connected.',
          },
        },
        {
          id: 'travelling',
          label: { de: 'Unterwegs (Hotel, Zug, Kunde)', en: 'Travelling (hotel, train, customer)' },
          notable: true,
          advice: {
            de: 'Fremde Netze lassen Outlook oft erst nach einer Anmeldung im Browser durch. Sehen Sie sich den Abschnitt „Gäste-LAN/WLAN-Portal“ an.',
            en: 'Foreign networks often let Outlook through only after a sign-in in the browser. Have a look at the "Guest LAN/Wi-Fi portal" step.',
          },
        },
      ],
    },
    {
      id: 'restart-outlook',
      text: {
        de: 'Outlook nach dem Netzwerkwechsel einmal ganz beenden und neu starten.',
        en: 'Quit Outlook completely once after the network change and start it again.',
      },
    },
  ],
  vpn: [
    {
      id: 'vpn-running',
      text: {
        de: 'Ist gerade ein VPN verbunden (zum Beispiel „Cisco AnyConnect“, „GlobalProtect“ oder „FortiClient“)?',
        en: 'Is a VPN connected right now (for example "Cisco AnyConnect", "GlobalProtect" or "FortiClient")?',
      },
      help: {
        de: 'Das sehen Sie meist an einem Symbol unten rechts neben der Uhr.',
        en: 'You can usually tell by an icon at the bottom right next to the clock.',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Trennen Sie das VPN, verbinden Sie es neu und starten Sie danach Outlook neu. Bleibt es, starten Sie den Computer neu: Das leert den Zwischenspeicher, in dem Windows sich alte Serveradressen merkt.',
            en: 'Disconnect the VPN, connect it again and then restart Outlook. If it stays, restart the computer: that clears the cache in which Windows remembers old server addresses.',
          },
        },
        {
          id: 'no',
          label: NO,
          advice: {
            de: 'Arbeiten Sie außerhalb der Firma und sieht Ihre Firma ein VPN vor, verbinden Sie es jetzt und prüfen Sie danach noch einmal.',
            en: 'If you work outside the company and your company uses a VPN, connect it now and check again afterwards.',
          },
        },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'after-vpn',
      text: {
        de: 'Trat das Problem erst auf, nachdem das VPN verbunden oder getrennt wurde?',
        en: 'Did the problem only start after the VPN was connected or disconnected?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Windows merkt sich Serveradressen von vorher. Ein Neustart des Computers leert diesen Speicher sicher. Tritt es immer wieder auf, sagen Sie dem IT-Support „nach VPN-Wechsel“.',
            en: 'Windows remembers server addresses from before. Restarting the computer clears that memory reliably. If it keeps happening, tell IT support "after VPN change".',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  mtu: [
    {
      id: 'one-site',
      text: {
        de: 'Tritt das Problem nur an einem bestimmten Standort auf, zum Beispiel in einer Filiale?',
        en: 'Does the problem only happen at one particular site, for example a branch office?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Nennen Sie dem IT-Support den Standort: Firewalls und Leitungen einzelner Standorte sind eine häufige Ursache, die man von hier aus nicht beheben kann.',
            en: 'Give IT support the site: firewalls and lines of single sites are a common cause that cannot be fixed from here.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'owa-works',
      text: {
        de: 'Funktioniert Outlook im Web (OWA) im Browser?',
        en: 'Does Outlook on the web (OWA) work in the browser?',
      },
      help: {
        de: 'Die Adresse von Outlook im Web kennt Ihr IT-Support; oft steht sie im Intranet.',
        en: 'IT support knows the address of Outlook on the web; it is often on the intranet.',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Dann ist der Server erreichbar und Ihr Postfach in Ordnung. Das Problem liegt an der Verbindung von Outlook selbst – ein Fall für den IT-Support. Bis dahin können Sie im Browser weiterarbeiten.',
            en: 'Then the server is reachable and your mailbox is fine. The problem lies in Outlook’s own connection – a case for IT support. Until then you can keep working in the browser.',
          },
        },
        {
          id: 'no',
          label: NO,
          notable: true,
          advice: {
            de: 'Dann ist der Server von hier aus gar nicht erreichbar. Die übrigen Schritte zeigen, woran es liegt.',
            en: 'Then the server cannot be reached from here at all. The other steps show why.',
          },
        },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'large-mails',
      text: {
        de: 'Kommen kleine E-Mails an, aber große (mit Anhang) bleiben hängen?',
        en: 'Do small e-mails arrive while large ones (with attachments) get stuck?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Das ist ein typisches Zeichen dafür, dass große Datenpakete unterwegs verloren gehen. Geben Sie diesen Hinweis an den IT-Support weiter.',
            en: 'That is a typical sign that large data packets get lost on the way. Pass this on to IT support.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  'desktop-firewall': [
    {
      id: 'security-product',
      text: {
        de: 'Notieren Sie, welche Sicherheitssoftware installiert ist (Virenschutz, „Endpoint Protection“).',
        en: 'Note down which security software is installed (antivirus, "endpoint protection").',
      },
      help: {
        de: 'Den Namen sehen Sie meist an einem Symbol unten rechts neben der Uhr oder in den Windows-Einstellungen unter „Windows-Sicherheit“.',
        en: 'You usually see the name at an icon at the bottom right next to the clock, or in Windows settings under "Windows Security".',
      },
    },
    {
      id: 'recent-update',
      text: {
        de: 'Wurde die Sicherheitssoftware oder Windows in den letzten Tagen aktualisiert?',
        en: 'Was the security software or Windows updated in the last few days?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Sagen Sie das dem IT-Support: Nach Updates blockieren manche Schutzprogramme die Verbindungen von Outlook. Schalten Sie den Schutz bitte nicht selbst ab.',
            en: 'Tell IT support: after updates some security products block Outlook’s connections. Please do not switch the protection off yourself.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  tls: [
    {
      id: 'certificate-warning',
      text: {
        de: 'Zeigt Outlook oder der Browser eine Warnung zum Sicherheitszertifikat?',
        en: 'Does Outlook or the browser show a warning about a security certificate?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Bestätigen Sie die Warnung nicht einfach. Machen Sie ein Bildschirmfoto (Windows-Taste + Umschalt + S) und geben Sie es dem IT-Support.',
            en: 'Do not simply accept the warning. Take a screenshot (Windows key + Shift + S) and give it to IT support.',
          },
        },
        { id: 'no', label: NO },
      ],
    },
    {
      id: 'clock',
      text: {
        de: 'Stimmen Datum und Uhrzeit unten rechts auf Ihrem Bildschirm?',
        en: 'Are the date and time at the bottom right of your screen correct?',
      },
      help: {
        de: 'Eine falsche Uhr lässt gültige Zertifikate ungültig erscheinen und verhindert die Anmeldung.',
        en: 'A wrong clock makes valid certificates look invalid and prevents signing in.',
      },
      choices: [
        { id: 'yes', label: YES },
        {
          id: 'no',
          label: NO,
          notable: true,
          advice: {
            de: 'Stellen Sie in den Windows-Einstellungen unter „Zeit und Sprache“ die Uhrzeit automatisch ein und starten Sie Outlook danach neu.',
            en: 'In Windows settings under "Time & language", set the time automatically, then restart Outlook.',
          },
        },
      ],
    },
  ],
  ipv6: [
    {
      id: 'only-home',
      text: {
        de: 'Tritt das Problem nur zu Hause oder in einem bestimmten fremden Netz auf, im Büro aber nicht?',
        en: 'Does the problem only happen at home or in one particular outside network, but not in the office?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Manche Internetanschlüsse nutzen eine neuere Adressart (IPv6), mit der der Server nicht erreichbar ist. Nennen Sie dem IT-Support das Netz und Ihren Internetanbieter.',
            en: 'Some internet connections use a newer kind of address (IPv6) through which the server cannot be reached. Tell IT support the network and your internet provider.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  'captive-portal': [
    {
      id: 'guest-network',
      text: {
        de: 'Sind Sie in einem Hotel-, Gäste- oder öffentlichen WLAN?',
        en: 'Are you on a hotel, guest or public Wi-Fi?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Öffnen Sie einen Browser und rufen Sie eine beliebige Internetseite auf. Erscheint eine Anmelde- oder Zustimmungsseite, füllen Sie sie aus. Starten Sie danach Outlook neu.',
            en: 'Open a browser and go to any website. If a sign-in or terms page appears, complete it. Then restart Outlook.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'portal-accepted',
      text: {
        de: 'Haben Sie die Anmeldeseite des WLANs im Browser bestätigt (falls eine erschienen ist)?',
        en: 'Have you accepted the Wi-Fi’s sign-in page in the browser (if one appeared)?',
      },
    },
  ],
  proxy: [
    {
      id: 'proxy-prompt',
      text: {
        de: 'Fragt Ihr Browser oder Outlook nach einem Kennwort für einen „Proxy“?',
        en: 'Does your browser or Outlook ask for a password for a "proxy"?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Melden Sie sich mit Ihrem Firmenkonto an, wenn Ihre Firma das so vorsieht. Kommt die Frage immer wieder, sagen Sie das dem IT-Support.',
            en: 'Sign in with your company account if your company expects that. If the prompt keeps coming back, tell IT support.',
          },
        },
        { id: 'no', label: NO },
      ],
    },
    {
      id: 'web-works',
      text: {
        de: 'Funktionieren andere Internetseiten im Browser?',
        en: 'Do other websites work in the browser?',
      },
      choices: [
        { id: 'yes', label: YES },
        {
          id: 'no',
          label: NO,
          notable: true,
          advice: {
            de: 'Dann ist nicht nur Outlook betroffen, sondern der ganze Internetzugang dieses Computers. Melden Sie das so dem IT-Support.',
            en: 'Then not only Outlook is affected but the whole internet access of this computer. Report it that way to IT support.',
          },
        },
      ],
    },
  ],
  dns: [
    {
      id: 'announced-change',
      text: {
        de: 'Hat die IT kürzlich einen Serverumzug oder Wartungsarbeiten am Mail-Server angekündigt?',
        en: 'Has IT recently announced a server move or maintenance of the mail server?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Nach einem Umzug kennt Ihr Computer eventuell noch die alte Adresse. Starten Sie den Computer neu; das leert den Zwischenspeicher für Servernamen.',
            en: 'After a move your computer may still know the old address. Restart the computer; that clears the cache of server names.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'restart-computer',
      text: {
        de: 'Den Computer einmal neu starten (nicht nur zuklappen) und danach noch einmal prüfen.',
        en: 'Restart the computer once (not just close the lid) and check again afterwards.',
      },
    },
  ],
  'load-balancer': [
    {
      id: 'intermittent',
      text: {
        de: 'Tritt das Problem nur ab und zu auf und verschwindet dann von selbst?',
        en: 'Does the problem only happen now and then and go away by itself?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Das passt zu einem einzelnen Server, der zeitweise ausfällt. Notieren Sie die Uhrzeiten, zu denen Outlook „Getrennt“ zeigt; ein Dauertest kann das später genau festhalten.',
            en: 'That fits a single server that drops out at times. Note the times when Outlook shows "Disconnected"; a continuous test can record it exactly later.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'some-colleagues',
      text: {
        de: 'Sind manche Kolleginnen und Kollegen am selben Ort betroffen, andere nicht?',
        en: 'Are some colleagues at the same place affected and others not?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Das deutet auf einzelne Server hinter einem gemeinsamen Namen. Nennen Sie dem IT-Support betroffene und nicht betroffene Kolleginnen und Kollegen.',
            en: 'That points to single servers behind one shared name. Give IT support the names of affected and unaffected colleagues.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
  ],
  autodiscover: [
    {
      id: 'recent-move',
      text: {
        de: 'Wurde Ihr Postfach kürzlich umgezogen oder Outlook neu eingerichtet?',
        en: 'Was your mailbox moved recently or Outlook set up again?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Outlook übernimmt neue Einstellungen manchmal erst nach bis zu zwei Stunden. Ein neues Outlook-Profil übernimmt sie sofort – das kann der IT-Support für Sie einrichten.',
            en: 'Outlook sometimes picks up new settings only after up to two hours. A new Outlook profile takes them at once – IT support can set one up for you.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'autodiscover-warning',
      text: {
        de: 'Erscheint beim Start von Outlook eine Zertifikatswarnung, in der „autodiscover“ vorkommt?',
        en: 'When Outlook starts, does a certificate warning appear that mentions "autodiscover"?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Notieren Sie den Namen aus der Warnung für den IT-Support und bestätigen Sie sie nicht einfach.',
            en: 'Note the name from the warning for IT support, and do not simply accept it.',
          },
        },
        { id: 'no', label: NO },
      ],
    },
  ],
  auth: [
    {
      id: 'password-prompts',
      text: {
        de: 'Fragt Outlook immer wieder nach Ihrem Kennwort?',
        en: 'Does Outlook keep asking for your password?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Prüfen Sie, ob Ihr Kennwort abgelaufen ist, indem Sie sich an einem anderen Gerät oder in Outlook im Web anmelden. Geht das auch dort nicht, wenden Sie sich an den IT-Support.',
            en: 'Check whether your password has expired by signing in on another device or in Outlook on the web. If that fails too, contact IT support.',
          },
        },
        {
          id: 'no',
          label: NO,
          advice: {
            de: 'Ohne Kennwortabfrage und trotzdem „Getrennt“: Oft verhindert dann ein Gerät zwischen Outlook und dem Server die Anmeldung. Das kann nur der IT-Support klären.',
            en: 'No password prompt and still "Disconnected": often a device between Outlook and the server prevents the sign-in. Only IT support can sort that out.',
          },
        },
      ],
    },
    {
      id: 'password-changed',
      text: {
        de: 'Haben Sie Ihr Kennwort in den letzten Tagen geändert?',
        en: 'Did you change your password in the last few days?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Sperren Sie den Computer (Windows-Taste + L) und melden Sie sich mit dem neuen Kennwort wieder an, damit Windows es überall verwendet. Starten Sie danach Outlook neu.',
            en: 'Lock the computer (Windows key + L) and sign in again with the new password so Windows uses it everywhere. Then restart Outlook.',
          },
        },
        { id: 'no', label: NO },
      ],
    },
  ],
  server: [
    {
      id: 'maintenance',
      text: {
        de: 'Gibt es gerade eine Störungsmeldung oder angekündigte Wartung für E-Mail?',
        en: 'Is there a current outage notice or announced maintenance for e-mail?',
      },
      help: {
        de: 'Solche Meldungen stehen oft im Intranet oder kommen per Rundmail.',
        en: 'Such notices are often on the intranet or sent round by e-mail.',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Dann warten Sie das Ende der Wartung ab; Outlook verbindet sich danach von selbst wieder.',
            en: 'Then wait until the maintenance is over; Outlook reconnects by itself afterwards.',
          },
        },
        { id: 'no', label: NO },
        { id: 'unknown', label: UNKNOWN },
      ],
    },
    {
      id: 'outside-without-vpn',
      text: {
        de: 'Arbeiten Sie außerhalb der Firma ohne VPN?',
        en: 'Are you working outside the company without a VPN?',
      },
      choices: [
        {
          id: 'yes',
          label: YES,
          notable: true,
          advice: {
            de: 'Manche Firmen erlauben Outlook von außen absichtlich nicht. Verbinden Sie das VPN oder fragen Sie den IT-Support, ob Outlook von außerhalb erlaubt ist.',
            en: 'Some companies deliberately do not allow Outlook from outside. Connect the VPN or ask IT support whether Outlook is allowed from outside.',
          },
        },
        { id: 'no', label: NO },
      ],
    },
  ],
};
