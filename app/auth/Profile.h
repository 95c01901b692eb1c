#pragma once

#include "api/Route.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace fc {

// The national clouds a tenant can live in; each fills in the base URLs of a profile.
enum class CloudPreset { Public, UsGcc, UsGccHigh, UsDod, China, Custom };
QString cloudPresetName(CloudPreset preset);
QList<CloudPreset> allCloudPresets();

// Where and as whom to talk. Holds no secret: profiles are stored in QSettings as they are.
struct Profile
{
    QString name;
    CloudPreset cloud = CloudPreset::Public;
    QUrl authorityBase; // https://login.microsoftonline.com
    QString tenant;     // a tenant id, a domain, or "organizations"
    QString clientId;
    QUrl flowApiBase;          // https://api.flow.microsoft.com
    QUrl powerAppsApiBase;     // https://api.powerapps.com
    QUrl graphBase;            // https://graph.microsoft.com
    QString flowResource;      // https://service.flow.microsoft.com
    QString powerAppsResource; // https://service.powerapps.com
    QString graphResource;     // https://graph.microsoft.com
    Dialect dialect = Dialect::Live;
    QString account;   // the UPN last signed in with; not a secret, used as the keychain key
    QString loginHint; // optional: pre-fills the account at the identity service

    static Profile fromPreset(CloudPreset preset);
    // Keeps name, tenant, client id, dialect and account; replaces every URL with the preset's.
    void applyPreset(CloudPreset preset);

    QUrl baseFor(Host host) const;
    QString resourceFor(Host host) const;
    QString scopeFor(Host host) const; // "{resource}/.default offline_access"

    QUrl authorizeUrl() const;
    QUrl tokenUrl() const;
    QUrl deviceCodeUrl() const;

    // Every origin a bearer token may be sent to.
    QList<QUrl> apiOrigins() const;

    // Why this profile cannot be used, or nullopt when it can. Refuses plain http to anything
    // but loopback, missing fields, and URLs with user info, paths or queries where none belong.
    std::optional<QString> validate() const;

    bool operator==(const Profile &other) const = default;
};

bool isLoopbackHost(const QString &host);
bool sameOrigin(const QUrl &a, const QUrl &b);

// Profiles in QSettings under "profiles/<n>/...".
class ProfileStore
{
public:
    static QList<Profile> load(QSettings &settings);
    static void save(QSettings &settings, const QList<Profile> &profiles);
};

} // namespace fc
