// Zod-free, so the sandboxed preload can import it without the schema library: the IPC channel of a contract
// method is this prefix plus the method's name ('mediane:journal.create').
export const IPC_CHANNEL_PREFIX = 'mediane:';
