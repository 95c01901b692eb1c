#pragma once

#include <QJsonObject>
#include <QString>

#include <random>

namespace fc::emu {

class ApiContext;

// Fills an empty store. demo: 3 environments; 11 users (Adele the demo user; Diego Siciliani
// the administrator; Alex Wilber and Debra Berger disabled, Pradeep Gupta and Isaiah Langer
// deleted) and 2 groups; ~50 flows with real definitions, 6 of them orphaned (every owner
// disabled or deleted), ~2,500 runs over 28 days; 4 soft-deleted flows (one past the 21 days
// kept); 9 shared connectors and 3 custom ones (2 in the default environment), 8 connections.
// empty: the directory, the default environment and its connectors only. large:N: demo plus a
// load-test environment of 120 flows, the first with N runs. Names come from fixed keys and a
// fixed PRNG seed, so they are the same on every start; run times are relative to now.
class Seeder
{
public:
    explicit Seeder(ApiContext &ctx) : m_ctx(ctx) {}

    static bool isValidSpec(const QString &spec);
    bool seed(const QString &spec, QString *error);

    static QString tenantId();
    static QString defaultEnvironment();
    static QString productionEnvironment();
    static QString developmentEnvironment();
    static QString loadTestEnvironment();
    static QString adminTestEnvironment();

private:
    void seedDirectory();
    void seedEnvironments(bool all);
    void seedConnectors();
    void seedCustomConnectors(bool all);
    void seedConnections();
    void seedFlows();
    void seedDeletedFlows();
    void seedLarge(int runs);
    void seedAdminScale(int flows, int orphaned);
    QString addFlow(const QString &env, const QString &displayName, int templateIndex, const QString &creator,
                    const QString &state, double failureRatio, qint64 createdMs);
    void addRuns(const QString &env, const QString &flow, const QString &trigger, int count,
                 double failureRatio, qint64 fromMs, qint64 toMs);
    QJsonObject definition(int templateIndex, QJsonObject *connectionReferences) const;
    QString userId(const QString &alias) const;

    ApiContext &m_ctx;
    std::mt19937_64 m_random{20260418};
};

} // namespace fc::emu
