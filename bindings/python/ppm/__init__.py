"""ppm: project portfolio management engine.

Model portfolios, programs and projects; schedule them with working calendars (CPM); level shared
resources; score strategic alignment and choose the portfolio; track earned value and risk; read and
write the formats PMOs use. The heavy lifting is C++ (``ppm._core``); this package re-exports it.

Example::

    import ppm
    portfolio = ppm.read_json_file("examples/portfolio.json")
    result = ppm.schedule(portfolio)
    print(result.to_dataframe().head())
"""

from ._core import *  # noqa: F401,F403
from ._core import Error, ModelError, ParseError  # noqa: F401
from . import _pickle  # noqa: F401  (registers the model aggregates with copyreg)
from . import distributed  # noqa: F401  (pure Python; imports dask only when used)

__version__ = "0.1.0"
