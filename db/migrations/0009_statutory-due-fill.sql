-- Cases stored before the statutory date was kept: with no extension event, the date due is the
-- statutory date. Extended cases are filled by the clock when the file is opened
-- (main/services/deadlines.ts fillStatutoryDueDates).
UPDATE `cases` SET `statutory_due` = `due_date`
WHERE `statutory_due` IS NULL AND `due_date` IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM `case_events` e
    WHERE e.`case_id` = `cases`.`id`
      AND e.`type` IN ('pi-extension', 'eir-extension', 'ir-extension', 'sar-extension')
  );
