"""The one error type users see: a message they can act on, no traceback."""


class KgError(Exception):
    """A failure caused by input, configuration or environment, reported as one line.

    `exit_code` follows sysexits loosely: 2 usage/input, 3 store, 4 server, 1 other.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
