"""Loads an ATT&CK Navigator layer file with mitreattack-python's layer classes and prints it back as JSON.

Exits 1 when the library refuses the file (it reports the problem and leaves the layer empty).
"""
import json
import sys

from mitreattack.navlayers import Layer

layer = Layer()
layer.from_file(sys.argv[1])
loaded = layer.to_dict()
if loaded is None:
    sys.exit("mitreattack-python did not load the layer")
print(json.dumps(loaded))
