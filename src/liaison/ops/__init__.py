"""Operations: backup, restore, upgrade with a backup first, structured logs."""
