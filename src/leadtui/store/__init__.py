"""Storage: the SQLite file, its migrations and one repository per aggregate."""
