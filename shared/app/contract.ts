import { noInput, query } from '../contract-kit';
import { AppStatus } from './schema';

export const appContract = {
  'app.status': query(noInput, AppStatus),
} as const;
