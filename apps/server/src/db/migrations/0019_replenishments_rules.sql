-- Reserved for database rules of this module (triggers, functions); filled in by its work.
SELECT 1;
