import type { Command } from '../cli-error';
import { dueCommand } from './due';
import { exportCommand, importCommand, initCommand, passwdCommand } from './case-file-commands';
import { backupCommand, restoreCommand, verifyCommand } from './backup-commands';
import { letterCommand } from './letter';
import { queueCommand } from './queue';
import { similarCommand } from './similar';
import { disclosureLogCommand } from './disclosure-log';
import { questionsCommand } from './questions';
import { intakeCommand } from './intake';
import { statsCommand } from './stats';
import { answersCommand } from './answers';
import { chasersCommand } from './chasers';
import { retentionCommand } from './retention';

/** Every `foi-desk` command, in the order `foi-desk help` lists them. */
export const commands: Command[] = [
  initCommand,
  importCommand,
  intakeCommand,
  exportCommand,
  passwdCommand,
  queueCommand,
  similarCommand,
  disclosureLogCommand,
  chasersCommand,
  statsCommand,
  retentionCommand,
  dueCommand,
  letterCommand,
  backupCommand,
  verifyCommand,
  restoreCommand,
  questionsCommand,
  answersCommand,
];
