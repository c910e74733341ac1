"""Check that LibreOffice Calc reads `aij export xlsx` as the journal's numbers, in any locale.

The xlsx half of tools/check_csv_libreoffice.py (which has the details and checks both):
    python tools/check_xlsx_libreoffice.py [--home DIR]
"""

import sys

from check_csv_libreoffice import main

if __name__ == "__main__":
    sys.exit(main(["--xlsx", *sys.argv[1:]]))
