import { defaultDunningLabels, type Messages } from './messages.ts';

const units: Readonly<Record<string, string>> = { pc: 'Stk.' };
const dunningLabels: Readonly<Record<number, string>> = {
  1: 'Erste Mahnung',
  2: 'Zweite Mahnung',
  3: 'Letzte Mahnung',
};

export const de: Messages = {
  unit: (unit) => units[unit] ?? unit,
  lens: {
    deal: 'ERP Lens',
    account: 'Kunde',
    refresh: 'Aktualisieren',
    chooseCustomer: 'Wählen Sie einen Kunden, um ERP-Zahlen zu sehen.',
    noCustomer: 'Kein Kunde gewählt.',
  },
  status: {
    loading: 'Wird abgefragt…',
    updating: 'Wird aktualisiert…',
    lastAnswer: 'Die Zahlen unten stammen aus der letzten Antwort.',
    tryAgain: 'Erneut versuchen',
  },
  fact: {
    asOf: (time) => `Stand ${time}`,
    staleTitle: 'Das ERP hat nicht rechtzeitig geantwortet; dies ist der letzte bekannte Wert.',
    notAvailable: (what) => `${what} nicht verfügbar.`,
  },
  availability: {
    title: 'Verfügbarkeit',
    noLines: 'Dieser Deal hat noch keine Positionen.',
    stock: 'Bestand',
    levels: {
      in_stock: 'Auf Lager',
      low: 'Knapp',
      partial: 'Teilweise',
      out_of_stock: 'Nicht auf Lager',
    },
    wanted: (quantity, unit) => `${quantity} ${unit} gewünscht`,
    totalAvailable: (quantity, unit) => `${quantity} ${unit} insgesamt verfügbar`,
    available: (quantity, unit) => `${quantity} ${unit} verfügbar`,
    onHand: (quantity) => `(${quantity} am Lager)`,
  },
  pricing: {
    title: 'Preise',
    product: 'Produkt',
    quantity: 'Menge',
    unitPrice: 'Stückpreis',
    lineTotal: 'Summe',
    dealTotal: 'Deal gesamt',
    list: 'Liste',
    priceNotAvailable: 'Preis nicht verfügbar.',
    incomplete: 'Einige Positionen haben keinen Preis; die Summe lässt sie aus.',
    tierFrom: (quantity, unit) => `Staffel ab ${quantity} ${unit}`,
    nextTier: (quantity, unit, price) => `ab ${quantity} ${unit}: ${price}`,
    agreed: (price) => `vereinbart ${price}`,
  },
  credit: {
    title: 'Kredit',
    status: 'Kreditstatus',
    blocked: 'Kredit gesperrt.',
    blockedReason: 'Das ERP sperrt neue Aufträge für diesen Kunden.',
    exceeds: 'Dieser Deal überschreitet das Kreditlimit',
    accountOver: 'Der Kunde liegt über seinem Kreditlimit',
    exceedsBy: (amount) => ` um ${amount}.`,
    talkToFinance: 'Sprechen Sie mit der Buchhaltung, bevor Sie Lieferung zusagen.',
    limit: 'Limit',
    noLimit: 'Kein Limit',
    openBalance: 'Offener Saldo',
    available: 'Verfügbar',
    afterDeal: 'Nach diesem Deal',
    paymentTerms: 'Zahlungsbedingungen',
  },
  payments: {
    title: 'Zahlungen',
    status: 'Zahlungsstatus',
    statuses: {
      open: 'Offen',
      partially_paid: 'Teilweise bezahlt',
      paid: 'Bezahlt',
      overdue: 'Überfällig',
      in_payment: 'In Zahlung',
      reversed: 'Storniert',
    },
    open: 'Offen',
    overdue: 'Überfällig',
    noInvoices: 'Keine offenen Rechnungen.',
    invoices: 'Rechnungen',
    invoice: 'Rechnung',
    date: 'Datum',
    due: 'Fällig',
    total: 'Betrag',
    daysOverdue: (days) => (days === 1 ? '1 Tag überfällig' : `${days} Tage überfällig`),
    dunning: (level) => `Mahnstufe ${level}`,
    dunningLevel: (level) => `Mahnstufe ${level}`,
    dunningLabel: (level, label) =>
      label === defaultDunningLabels[level] ? (dunningLabels[level] ?? label) : label,
  },
  convert: {
    title: 'ERP-Auftrag',
    button: 'In ERP-Auftrag umwandeln',
    converting: 'Wird umgewandelt…',
    created: { before: 'ERP-Auftrag ', after: ' angelegt.' },
    onceWon: 'Möglich, sobald der Deal gewonnen ist.',
    sending: 'Der Deal geht an das ERP…',
    steps: {
      received: 'Empfangen',
      validated: 'Deal geprüft',
      customer_resolved: 'ERP-Kunde gefunden',
      order_created: 'Auftrag angelegt',
      order_confirmed: 'Auftrag bestätigt',
      written_back: 'Auftragsnummer ins CRM geschrieben',
      done: 'Fertig',
      failed: 'Fehlgeschlagen',
    },
    stepMarks: { done: 'erledigt', current: 'läuft', stopped: 'hier angehalten', next: 'offen' },
    progress: 'Fortschritt der Umwandlung',
    retryingAt: (time) => `Das ERP ist ausgelastet; neuer Versuch automatisch um ${time}.`,
    retrying: 'Das ERP ist ausgelastet; neuer Versuch automatisch.',
    pendingOrder: (orderNumber) =>
      `ERP-Auftrag ${orderNumber} existiert, ist aber nicht bestätigt; ein neuer Versuch ` +
      'setzt ihn fort.',
    tryAgain: 'Erneut versuchen',
  },
  preflight: {
    title: 'Vor dem Umwandeln',
    checking: 'Deal wird gegen das ERP geprüft…',
    checkFailed: 'Der Deal ließ sich nicht prüfen:',
    checkAgain: 'Erneut prüfen',
    checkFirst: 'Umwandeln ist möglich, sobald die Prüfung bestanden ist.',
    clear: 'Preise, Bestand und Kredit sind in Ordnung.',
    blocking: 'Dieser Deal kann noch kein Auftrag werden:',
    warnings: 'Prüfen Sie vor dem Umwandeln:',
    issues: {
      price_drift: 'Preis geändert',
      short_stock: 'Bestand reicht nicht',
      credit_blocked: 'Über dem Kreditlimit',
      customer_blocked: 'Kunde gesperrt',
      unknown_customer: 'Unbekannter Kunde',
      unknown_product: 'Unbekanntes Produkt',
      unknown_currency: 'Währung nicht zulässig',
      validation_failed: 'Deal prüfen',
    },
    priceDrift: (deal, erp, percent) =>
      `Deal-Preis ${deal}, ERP-Preis jetzt ${erp} (${percent} Abweichung)`,
    shortStock: (wanted, available, short) =>
      `${wanted} gewünscht, ${available} in allen Lagern verfügbar (${short} fehlen)`,
    creditAfter: (after, limit) => `Kredit nach diesem Auftrag: ${after} von ${limit} Limit`,
    overLimit: 'über dem Limit',
    blocked: 'Der Kunde ist im ERP gesperrt.',
    dunning: (level) => `Offene Rechnungen in Mahnstufe ${level}.`,
    reason: 'Begründung für das Umwandeln trotz der Hinweise',
    reasonHint: 'Mindestens 3 Zeichen; sie wird im Protokoll festgehalten.',
    needsReason: 'Geben Sie eine Begründung an, um trotz der Hinweise umzuwandeln.',
    fixFirst: 'Klären Sie zuerst die Punkte oben.',
  },
  order: {
    included: (orderNumber) =>
      `Als Auftrag ${orderNumber} erfasst; Bestand und Kredit enthalten ihn bereits.`,
    changed: (orderNumber) =>
      `Der Deal wurde geändert, nachdem er ERP-Auftrag ${orderNumber} wurde; der Auftrag ` +
      'ändert sich nicht mit. Ändern Sie auch den Auftrag im ERP.',
  },
  frame: {
    waiting: 'Warte darauf, dass das CRM einen Deal nennt.',
    notAllowed: (origin) => `ERP Lens darf nicht von ${origin} eingebettet werden.`,
  },
  errors: {
    deal_not_won:
      'Nur ein gewonnener Deal wird zum ERP-Auftrag. Setzen Sie ihn auf gewonnen und wandeln ' +
      'Sie ihn dann um.',
    credit_blocked:
      'Das ERP nimmt diesen Auftrag nicht auf Kredit an: Der Kunde ist gesperrt oder ginge ' +
      'über sein Kreditlimit. Bitten Sie die Buchhaltung um Freigabe oder ein höheres Limit.',
    customer_blocked: 'Der Kunde ist im ERP gesperrt. Fragen Sie die Buchhaltung.',
    customer_ambiguous:
      'Mehrere ERP-Kunden passen zu diesem Konto. Bitten Sie das ERP-Team, den richtigen ' +
      'zu verknüpfen.',
    unknown_customer: 'Das ERP kennt diesen Kunden nicht.',
    unknown_product: 'Ein Produkt dieses Deals fehlt im ERP. Prüfen Sie die Positionen.',
    insufficient_stock: 'Für diesen Auftrag reicht der Bestand nicht.',
    erp_unavailable: 'Das ERP antwortet gerade nicht. Versuchen Sie es in einer Minute erneut.',
    crm_unavailable: 'Das CRM antwortet gerade nicht. Versuchen Sie es in einer Minute erneut.',
    conversion_in_progress: 'Dieser Deal wird bereits umgewandelt. Einen Moment bitte.',
    network_error:
      'ERP Lens erreicht seinen Server nicht. Prüfen Sie die Verbindung und versuchen Sie es ' +
      'erneut.',
    override_required:
      'Der Deal hat Hinweise. Geben Sie eine Begründung an, um ihn trotzdem umzuwandeln.',
    forbidden: 'Ihre CRM-Sitzung darf das für diesen Deal nicht. Fragen Sie Ihren Admin.',
    unauthorized: 'Das CRM hat Sie nicht bei ERP Lens angemeldet. Laden Sie die Seite neu.',
    token_expired: 'Ihre CRM-Sitzung für ERP Lens ist abgelaufen. Laden Sie die Seite neu.',
    rate_limited:
      'Zu viele Anfragen in kurzer Zeit. Warten Sie eine Minute und versuchen Sie es erneut.',
  },
};
