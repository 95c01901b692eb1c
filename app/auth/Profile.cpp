#include "Profile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

struct CloudUrls
{
    const char *name;
    const char *authority;
    const char *flowApi;
    const char *powerAppsApi;
    const char *graph;
    const char *flowResource;
    const char *powerAppsResource;
};

// Hosts of the national clouds, as the m365 CLI and the PowerShell modules use them.
const CloudUrls kClouds[] = {
    {"Public", "https://login.microsoftonline.com", "https://api.flow.microsoft.com",
     "https://api.powerapps.com", "https://graph.microsoft.com", "https://service.flow.microsoft.com",
     "https://service.powerapps.com"},
    {"US GCC", "https://login.microsoftonline.com", "https://gov.api.flow.microsoft.us",
     "https://gov.api.powerapps.us", "https://graph.microsoft.com", "https://gov.service.flow.microsoft.us",
     "https://gov.service.powerapps.us"},
    {"US GCC High", "https://login.microsoftonline.us", "https://high.api.flow.microsoft.us",
     "https://high.api.powerapps.us", "https://graph.microsoft.us", "https://high.service.flow.microsoft.us",
     "https://high.service.powerapps.us"},
    {"US DoD", "https://login.microsoftonline.us", "https://api.flow.appsplatform.us",
     "https://api.apps.appsplatform.us", "https://dod-graph.microsoft.us",
     "https://service.flow.appsplatform.us", "https://service.apps.appsplatform.us"},
    {"China", "https://login.chinacloudapi.cn", "https://api.powerautomate.cn", "https://api.powerapps.cn",
     "https://microsoftgraph.chinacloudapi.cn", "https://service.powerautomate.cn",
     "https://service.powerapps.cn"},
};

// Profile's member functions ask in the context lupdate files their strings under
// ("fc::Profile"); the free functions below name theirs ("fc") in each call, as lupdate would.
QString tr(const char *text)
{
    return QCoreApplication::translate("fc::Profile", text);
}

std::optional<QString> checkUrl(const QUrl &url, const QString &what)
{
    if (url.isEmpty())
        return QCoreApplication::translate("fc", "The %1 URL is missing.").arg(what);
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("fc", "The %1 URL \"%2\" is not a valid URL.")
            .arg(what, url.toString());
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("fc", "The %1 URL must not contain a user name or password.")
            .arg(what);
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("fc", "The %1 URL must not contain a query or fragment.")
            .arg(what);
    const QString scheme = url.scheme().toLower();
    if (scheme == "http"_L1) {
        if (!isLoopbackHost(url.host()))
            return QCoreApplication::translate(
                       "fc",
                       "The %1 URL \"%2\" uses plain http to a host that is not this computer. Tokens would "
                       "travel "
                       "unencrypted; use https (plain http is allowed only to 127.0.0.1, ::1 or localhost).")
                .arg(what, url.toString());
    } else if (scheme != "https"_L1) {
        return QCoreApplication::translate("fc", "The %1 URL must start with https://.").arg(what);
    }
    return std::nullopt;
}

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

} // namespace

QString cloudPresetName(CloudPreset preset)
{
    if (preset == CloudPreset::Custom)
        return QCoreApplication::translate("fc", "Custom");
    return QString::fromLatin1(kClouds[static_cast<int>(preset)].name);
}

QList<CloudPreset> allCloudPresets()
{
    return {CloudPreset::Public, CloudPreset::UsGcc, CloudPreset::UsGccHigh,
            CloudPreset::UsDod,  CloudPreset::China, CloudPreset::Custom};
}

Profile Profile::fromPreset(CloudPreset preset)
{
    Profile profile;
    profile.tenant = u"organizations"_s;
    profile.applyPreset(preset);
    return profile;
}

void Profile::applyPreset(CloudPreset preset)
{
    cloud = preset;
    if (preset == CloudPreset::Custom)
        return;
    const CloudUrls &c = kClouds[static_cast<int>(preset)];
    authorityBase = url(c.authority);
    flowApiBase = url(c.flowApi);
    powerAppsApiBase = url(c.powerAppsApi);
    graphBase = url(c.graph);
    flowResource = QString::fromLatin1(c.flowResource);
    powerAppsResource = QString::fromLatin1(c.powerAppsResource);
    graphResource = QString::fromLatin1(c.graph);
}

QUrl Profile::baseFor(Host host) const
{
    switch (host) {
    case Host::Flow:
        return flowApiBase;
    case Host::PowerApps:
        return powerAppsApiBase;
    case Host::Graph:
        return graphBase;
    }
    return {};
}

QString Profile::resourceFor(Host host) const
{
    switch (host) {
    case Host::Flow:
        return flowResource;
    case Host::PowerApps:
        return powerAppsResource;
    case Host::Graph:
        return graphResource;
    }
    return {};
}

QString Profile::scopeFor(Host host) const
{
    QString resource = resourceFor(host);
    while (resource.endsWith(u'/'))
        resource.chop(1);
    return resource + u"/.default offline_access"_s;
}

static QUrl identityUrl(const Profile &p, QLatin1StringView endpoint)
{
    QUrl url = p.authorityBase;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(p.tenant)) + u"/oauth2/v2.0/"_s +
                    endpoint,
                QUrl::StrictMode);
    return url;
}

QUrl Profile::authorizeUrl() const
{
    return identityUrl(*this, "authorize"_L1);
}

QUrl Profile::tokenUrl() const
{
    return identityUrl(*this, "token"_L1);
}

QUrl Profile::deviceCodeUrl() const
{
    return identityUrl(*this, "devicecode"_L1);
}

QList<QUrl> Profile::apiOrigins() const
{
    return {flowApiBase, powerAppsApiBase, graphBase};
}

std::optional<QString> Profile::validate() const
{
    if (name.trimmed().isEmpty())
        return tr("The profile needs a name.");
    if (tenant.trimmed().isEmpty())
        return tr("The tenant is missing: give a tenant id, a domain such as contoso.onmicrosoft.com, or "
                  "\"organizations\".");
    if (tenant.compare("common"_L1, Qt::CaseInsensitive) == 0)
        return tr("The tenant \"common\" does not work for Power Automate: give your tenant id or domain, or "
                  "\"organizations\".");
    if (clientId.trimmed().isEmpty())
        return tr(
            "The client ID is missing: register an app in Microsoft Entra ID (Mobile and desktop platform, "
            "public client flows allowed) and enter its Application (client) ID.");
    const std::pair<QUrl, QString> urls[] = {{authorityBase, tr("authority")},
                                             {flowApiBase, tr("Power Automate API")},
                                             {powerAppsApiBase, tr("PowerApps API")},
                                             {graphBase, tr("Microsoft Graph")}};
    for (const auto &[u, what] : urls) {
        if (auto error = checkUrl(u, what))
            return error;
    }
    if (flowResource.isEmpty() || powerAppsResource.isEmpty() || graphResource.isEmpty())
        return tr("The token audiences (resources) of the profile are missing.");
    return std::nullopt;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

QList<Profile> ProfileStore::load(QSettings &settings)
{
    QList<Profile> profiles;
    const int count = settings.beginReadArray("profiles"_L1);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Profile p;
        p.name = settings.value("name"_L1).toString();
        p.cloud = static_cast<CloudPreset>(qBound(0, settings.value("cloud"_L1).toInt(), 5));
        p.authorityBase = settings.value("authorityBase"_L1).toUrl();
        p.tenant = settings.value("tenant"_L1).toString();
        p.clientId = settings.value("clientId"_L1).toString();
        p.flowApiBase = settings.value("flowApiBase"_L1).toUrl();
        p.powerAppsApiBase = settings.value("powerAppsApiBase"_L1).toUrl();
        p.graphBase = settings.value("graphBase"_L1).toUrl();
        p.flowResource = settings.value("flowResource"_L1).toString();
        p.powerAppsResource = settings.value("powerAppsResource"_L1).toString();
        p.graphResource = settings.value("graphResource"_L1).toString();
        p.dialect = dialectFromName(settings.value("dialect"_L1).toString()).value_or(Dialect::Live);
        p.account = settings.value("account"_L1).toString();
        p.loginHint = settings.value("loginHint"_L1).toString();
        if (!p.name.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void ProfileStore::save(QSettings &settings, const QList<Profile> &profiles)
{
    settings.remove("profiles"_L1);
    settings.beginWriteArray("profiles"_L1, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles[i];
        settings.setArrayIndex(i);
        settings.setValue("name"_L1, p.name);
        settings.setValue("cloud"_L1, static_cast<int>(p.cloud));
        settings.setValue("authorityBase"_L1, p.authorityBase);
        settings.setValue("tenant"_L1, p.tenant);
        settings.setValue("clientId"_L1, p.clientId);
        settings.setValue("flowApiBase"_L1, p.flowApiBase);
        settings.setValue("powerAppsApiBase"_L1, p.powerAppsApiBase);
        settings.setValue("graphBase"_L1, p.graphBase);
        settings.setValue("flowResource"_L1, p.flowResource);
        settings.setValue("powerAppsResource"_L1, p.powerAppsResource);
        settings.setValue("graphResource"_L1, p.graphResource);
        settings.setValue("dialect"_L1, dialectName(p.dialect));
        settings.setValue("account"_L1, p.account);
        settings.setValue("loginHint"_L1, p.loginHint);
    }
    settings.endArray();
}

} // namespace fc
