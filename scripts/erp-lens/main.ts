import { checkConfig } from './check-config.ts';

/** `erp-lens <command>`; returns the exit code. */

const usage = `Usage: erp-lens check-config [file]

  check-config  validate the configuration file, then probe the ERP it names (log in,
                one read). file: the given path, else $ERP_LENS_CONFIG, else
                ./erp-lens.config.json, else the defaults. Exits 1 on any problem.
`;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'check-config' && rest.length <= 1) {
    return checkConfig(rest[0], { out: process.stdout, err: process.stderr, env: process.env });
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  process.stderr.write(usage);
  return 2;
}
