"""extradition."""
