ALTER TABLE `cases` ADD `department` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `statutory_due` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `late_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `late_department` text;--> statement-breakpoint
CREATE INDEX `cases_department_due` ON `cases` (`department`,`due_date`);--> statement-breakpoint
CREATE INDEX `cases_regime_received` ON `cases` (`regime`,`received`);--> statement-breakpoint
CREATE INDEX `cases_officer_received` ON `cases` (`officer`,`received`);--> statement-breakpoint
CREATE INDEX `cases_department_received` ON `cases` (`department`,`received`);