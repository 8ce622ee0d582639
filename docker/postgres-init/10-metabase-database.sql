-- Metabase keeps its own settings, questions and dashboards in this database (MB_DB_*), apart from the app's.
CREATE DATABASE metabase;
