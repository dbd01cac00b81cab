-- Runs once, on an empty data volume. The app's records live in their own database; Temporal's
-- auto-setup creates `temporal` and `temporal_visibility` on the same server itself.
CREATE DATABASE livelihood;
