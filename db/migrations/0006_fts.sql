-- Search inside the encrypted file: two FTS5 indexes over what the officer searches by, kept by
-- triggers in the same transaction as the change. Both are contentless (`content=''`) with
-- `contentless_delete=1`: they hold only tokens, the text itself stays in cases, requesters and
-- responses, and a case's row is replaced by its rowid (the case id) whenever any of it changes.
-- `case_search_source` is the one place that says what a case's searchable text is.
CREATE VIEW `case_search_source` AS
SELECT c.`id` AS `id`, c.`reference` AS `reference`, c.`subject` AS `subject`, r.`name` AS `requester`,
  c.`request_text` AS `request_text`,
  coalesce((SELECT group_concat(s.`text`, char(10)) FROM `questions` q JOIN `responses` s ON s.`question_id` = q.`id`
    WHERE q.`case_id` = c.`id` AND s.`text` IS NOT NULL), '') AS `answers`
FROM `cases` c JOIN `requesters` r ON r.`id` = c.`requester_id`;
--> statement-breakpoint
-- Words (accents folded, case folded), ranked with bm25.
CREATE VIRTUAL TABLE `cases_words` USING fts5(
  `reference`, `subject`, `requester`, `request_text`, `answers`,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Trigrams: any substring of three characters or more (references, names, parts of words), as
-- LIKE '%…%' found them, from an index.
CREATE VIRTUAL TABLE `cases_trigram` USING fts5(
  `reference`, `subject`, `requester`, `request_text`, `answers`,
  content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
  SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`;
--> statement-breakpoint
INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
  SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`;
--> statement-breakpoint
CREATE TRIGGER `cases_search_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = new.`id`;
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_update` AFTER UPDATE OF `reference`, `subject`, `request_text`, `requester_id` ON `cases` BEGIN
  DELETE FROM `cases_words` WHERE rowid = old.`id`;
  DELETE FROM `cases_trigram` WHERE rowid = old.`id`;
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = new.`id`;
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_delete` AFTER DELETE ON `cases` BEGIN
  DELETE FROM `cases_words` WHERE rowid = old.`id`;
  DELETE FROM `cases_trigram` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `requesters_search_update` AFTER UPDATE OF `name` ON `requesters` BEGIN
  DELETE FROM `cases_words` WHERE rowid IN (SELECT `id` FROM `cases` WHERE `requester_id` = new.`id`);
  DELETE FROM `cases_trigram` WHERE rowid IN (SELECT `id` FROM `cases` WHERE `requester_id` = new.`id`);
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` IN (SELECT `id` FROM `cases` WHERE `requester_id` = new.`id`);
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` IN (SELECT `id` FROM `cases` WHERE `requester_id` = new.`id`);
END;
--> statement-breakpoint
-- An answer written, changed or removed: its case's row is rebuilt (when the case itself is being
-- deleted it is gone from case_search_source, and only the delete happens).
CREATE TRIGGER `responses_search_insert` AFTER INSERT ON `responses` BEGIN
  DELETE FROM `cases_words` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  DELETE FROM `cases_trigram` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `responses_search_update` AFTER UPDATE OF `text` ON `responses` BEGIN
  DELETE FROM `cases_words` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  DELETE FROM `cases_trigram` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = new.`question_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `responses_search_delete` AFTER DELETE ON `responses` BEGIN
  DELETE FROM `cases_words` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = old.`question_id`);
  DELETE FROM `cases_trigram` WHERE rowid = (SELECT `case_id` FROM `questions` WHERE `id` = old.`question_id`);
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = old.`question_id`);
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source`
    WHERE `id` = (SELECT `case_id` FROM `questions` WHERE `id` = old.`question_id`);
END;
--> statement-breakpoint
-- Questions removed (their answers go with them): the case's answers are read again.
CREATE TRIGGER `questions_search_delete` AFTER DELETE ON `questions` BEGIN
  DELETE FROM `cases_words` WHERE rowid = old.`case_id`;
  DELETE FROM `cases_trigram` WHERE rowid = old.`case_id`;
  INSERT INTO `cases_words` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = old.`case_id`;
  INSERT INTO `cases_trigram` (rowid, `reference`, `subject`, `requester`, `request_text`, `answers`)
    SELECT `id`, `reference`, `subject`, `requester`, `request_text`, `answers` FROM `case_search_source` WHERE `id` = old.`case_id`;
END;
