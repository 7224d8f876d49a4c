"""The peak RSS a benchmark's child process reports of itself.

``PEAK_KB`` is Python source to put at the top of a child's ``-c`` program: it defines
``peak_kb()``, the child's own peak resident set in KiB. It reads ``VmHWM`` (this process
image's peak): ``ru_maxrss`` carries the forking parent's peak over ``exec`` on Linux, so a
child of a large benchmark process would report the parent's size.
"""

PEAK_KB = r'''
def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:  # not Linux: ru_maxrss is the best there is
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
'''
