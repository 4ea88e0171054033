"""Local fake platform servers and request builders used by the tests.

Fakes here implement the platforms' real wire protocols (HTTP, JSON, signatures) so that the
real SDK clients can be pointed at them; nothing in here mocks a third-party class.
"""
