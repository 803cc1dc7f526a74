import { Anchor, Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';

/** The frame of the public pages: brand on top, one card in the middle. */
export function AuthLayout() {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'lg', sm: 48 }}>
      <Container size={460} px="md">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <Anchor component={Link} to="/" underline="never">
              <Title order={2} c="teal.8">
                {t('app.name')}
              </Title>
            </Anchor>
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <Outlet />
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
