export { journalRoutes } from './journal.routes.js';
export { createJournalService, type JournalService } from './journal.service.js';
export { DEFAULT_JOURNAL_ACCOUNTS, type JournalAccount, type JournalAccounts } from './journal-accounts.js';
export { buildReplenishmentEntry, type JournalEntry, type JournalLine } from './journal-entry.js';
