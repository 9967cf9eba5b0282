CREATE INDEX `cases_status_received` ON `cases` (`status`,`received`);--> statement-breakpoint
CREATE INDEX `cases_status_reference` ON `cases` (`status`,`reference`);--> statement-breakpoint
CREATE INDEX `cases_regime_due` ON `cases` (`regime`,`due_date`);--> statement-breakpoint
CREATE INDEX `cases_officer_due` ON `cases` (`officer`,`due_date`);