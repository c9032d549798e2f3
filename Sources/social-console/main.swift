import SettingsKit
print("social-console: under construction")
