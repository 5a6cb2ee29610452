/** Prints a scrypt hash for a seed account password: `npx tsx federation/aai/seed/hashPassword.ts <password>`. */
import { hashPassword } from '../passwords';

const password = process.argv[2];
if (password === undefined || password === '') {
  process.stderr.write('usage: hashPassword.ts <password>\n');
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
